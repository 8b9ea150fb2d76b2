# expect: wrong_answer
# why: counts a query without relevant documents as 0 in recall, MRR and nDCG instead of leaving it out of their means
import math


def ranking_metrics(judgments, results, k):
    if isinstance(k, bool) or not isinstance(k, int):
        raise TypeError("k must be an int")
    if k < 1:
        raise ValueError("k must be at least 1")
    if not isinstance(judgments, dict) or not isinstance(results, dict):
        raise TypeError("judgments and results must be dicts")
    for judged in judgments.values():
        if not isinstance(judged, dict):
            raise TypeError("judgments values must be dicts")
        for doc, rel in judged.items():
            if not isinstance(doc, str):
                raise TypeError("doc ids must be str")
            if type(rel) is not int:
                raise TypeError("relevance must be an int")
            if rel < 0:
                raise ValueError("relevance must be >= 0")
    for entries in results.values():
        if not isinstance(entries, (list, tuple)):
            raise TypeError("results values must be lists")
        seen = set()
        for entry in entries:
            if not isinstance(entry, (list, tuple)) or len(entry) != 2:
                raise TypeError("each result is a (doc id, score) pair")
            doc, score = entry
            if not isinstance(doc, str):
                raise TypeError("doc ids must be str")
            if isinstance(score, bool) or not isinstance(score, (int, float)):
                raise TypeError("scores must be numbers")
            if score != score:
                raise ValueError("NaN score")
            if doc in seen:
                raise ValueError("duplicate doc id")
            seen.add(doc)

    precision, recall, rr, ndcg = [], [], [], []
    for query, judged in judgments.items():
        entries = results.get(query, [])
        ranking = [doc for doc, _ in sorted(entries, key=lambda e: (-e[1], e[0]))]
        rels = [judged.get(doc, 0) for doc in ranking]
        hits = sum(1 for r in rels[:k] if r > 0)
        precision.append(hits / k)
        n_relevant = sum(1 for r in judged.values() if r > 0)
        if n_relevant == 0:
            recall.append(0.0)
            rr.append(0.0)
            ndcg.append(0.0)
            continue
        recall.append(hits / n_relevant)
        first = next((i for i, r in enumerate(rels, 1) if r > 0), None)
        rr.append(1 / first if first else 0.0)
        dcg = sum((2**r - 1) / math.log2(i + 1) for i, r in enumerate(rels[:k], 1))
        ideal = sorted(judged.values(), reverse=True)[:k]
        idcg = sum((2**r - 1) / math.log2(i + 1) for i, r in enumerate(ideal, 1))
        ndcg.append(dcg / idcg)

    def mean(values):
        return sum(values) / len(values) if values else None

    return {"precision": mean(precision), "recall": mean(recall), "mrr": mean(rr), "ndcg": mean(ndcg)}
