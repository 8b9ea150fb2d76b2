"""Reference: per query, one sort of the results by (score descending, doc id
ascending), one walk down the ranking, and the ideal DCG from the judged
relevances sorted once."""

from __future__ import annotations

import math


def _check_number(value, what: str) -> None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TypeError(f"{what} must be an int or float, got {type(value).__name__}")


def _validate(judgments, results, k) -> None:
    if isinstance(k, bool) or not isinstance(k, int):
        raise TypeError(f"k must be an int, got {type(k).__name__}")
    if k < 1:
        raise ValueError(f"k must be >= 1, got {k}")
    if not isinstance(judgments, dict) or not isinstance(results, dict):
        raise TypeError("judgments and results must be dicts")
    for query, judged in judgments.items():
        if not isinstance(judged, dict):
            raise TypeError(f"judgments[{query!r}] must be a dict of doc id -> relevance")
        for doc, rel in judged.items():
            if not isinstance(doc, str):
                raise TypeError(f"judgments[{query!r}]: doc id {doc!r} is not a str")
            if isinstance(rel, bool) or not isinstance(rel, int):
                raise TypeError(f"judgments[{query!r}][{doc!r}]: relevance {rel!r} is not an int")
            if rel < 0:
                raise ValueError(f"judgments[{query!r}][{doc!r}]: relevance {rel} is negative")
    for query, ranked in results.items():
        if not isinstance(ranked, (list, tuple)):
            raise TypeError(f"results[{query!r}] must be a list of (doc id, score)")
        seen = set()
        for position, entry in enumerate(ranked):
            if not isinstance(entry, (list, tuple)) or len(entry) != 2:
                raise TypeError(f"results[{query!r}][{position}] is not a (doc id, score) pair")
            doc, score = entry
            if not isinstance(doc, str):
                raise TypeError(f"results[{query!r}][{position}]: doc id {doc!r} is not a str")
            _check_number(score, f"results[{query!r}][{position}]: the score")
            if math.isnan(score):
                raise ValueError(f"results[{query!r}][{position}]: the score is NaN")
            if doc in seen:
                raise ValueError(f"results[{query!r}]: doc id {doc!r} is listed twice")
            seen.add(doc)


def _mean(values: list[float]) -> float | None:
    return math.fsum(values) / len(values) if values else None


def ranking_metrics(judgments, results, k):
    _validate(judgments, results, k)
    precisions, recalls, reciprocal_ranks, ndcgs = [], [], [], []
    for query, judged in judgments.items():
        ranked = sorted(results.get(query, ()), key=lambda entry: (-entry[1], entry[0]))
        relevant = sum(1 for rel in judged.values() if rel > 0)
        hits, dcg, first = 0, 0.0, 0
        for rank, (doc, _) in enumerate(ranked, start=1):
            rel = judged.get(doc, 0)
            if rel > 0:
                if rank <= k:
                    hits += 1
                    dcg += (2**rel - 1) / math.log2(rank + 1)
                if not first:
                    first = rank
                if rank > k:
                    break
        precisions.append(hits / k)
        if relevant == 0:
            continue
        recalls.append(hits / relevant)
        reciprocal_ranks.append(1 / first if first else 0.0)
        ideal = sorted(judged.values(), reverse=True)[:k]
        idcg = math.fsum((2**rel - 1) / math.log2(rank + 1) for rank, rel in enumerate(ideal, start=1))
        ndcgs.append(dcg / idcg)
    return {
        "precision": _mean(precisions),
        "recall": _mean(recalls),
        "mrr": _mean(reciprocal_ranks),
        "ndcg": _mean(ndcgs),
    }
