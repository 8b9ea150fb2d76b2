# expect: accepted
# why: a comparator with functools.cmp_to_key for the ranking, exact Fractions accumulated for every mean, floats at the end
from fractions import Fraction
from functools import cmp_to_key
import math


def compare(a, b):
    if a[1] != b[1]:
        return -1 if a[1] > b[1] else 1
    if a[0] != b[0]:
        return -1 if a[0] < b[0] else 1
    return 0


def ranking_metrics(judgments, results, k):
    if not isinstance(k, int) or isinstance(k, bool):
        raise TypeError("k must be an integer")
    if k < 1:
        raise ValueError("k must be positive")
    if not isinstance(judgments, dict):
        raise TypeError("judgments must be a dict")
    if not isinstance(results, dict):
        raise TypeError("results must be a dict")
    for qid in judgments:
        if not isinstance(judgments[qid], dict):
            raise TypeError("bad judgments")
        for doc in judgments[qid]:
            rel = judgments[qid][doc]
            if not isinstance(doc, str):
                raise TypeError("doc id")
            if not isinstance(rel, int) or isinstance(rel, bool):
                raise TypeError("relevance")
            if rel < 0:
                raise ValueError("relevance")
    for qid in results:
        lst = results[qid]
        if not isinstance(lst, (list, tuple)):
            raise TypeError("bad results")
        for pair in lst:
            if not isinstance(pair, (list, tuple)) or len(pair) != 2:
                raise TypeError("bad pair")
            if not isinstance(pair[0], str):
                raise TypeError("doc id")
            if not isinstance(pair[1], (int, float)) or isinstance(pair[1], bool):
                raise TypeError("score")
            if math.isnan(pair[1]):
                raise ValueError("score")
        if len({pair[0] for pair in lst}) != len(lst):
            raise ValueError("duplicate")

    p_total, n_all = Fraction(0), 0
    r_total, m_total, n_rel = Fraction(0), Fraction(0), 0
    g_total = 0.0
    for qid in judgments:
        qrels = judgments[qid]
        ranked = sorted(results.get(qid, []), key=cmp_to_key(compare))
        n_all += 1
        hits = 0
        for i in range(min(k, len(ranked))):
            if qrels.get(ranked[i][0], 0) > 0:
                hits += 1
        p_total += Fraction(hits, k)
        total_rel = len([d for d in qrels if qrels[d] > 0])
        if total_rel == 0:
            continue
        n_rel += 1
        r_total += Fraction(hits, total_rel)
        for i in range(len(ranked)):
            if qrels.get(ranked[i][0], 0) > 0:
                m_total += Fraction(1, i + 1)
                break
        dcg = 0.0
        for i in range(min(k, len(ranked))):
            rel = qrels.get(ranked[i][0], 0)
            dcg += (2**rel - 1) / math.log2(i + 2)
        best = sorted(qrels.values(), reverse=True)
        idcg = 0.0
        for i in range(min(k, len(best))):
            idcg += (2**best[i] - 1) / math.log2(i + 2)
        g_total += dcg / idcg
    return {
        "precision": float(p_total / n_all) if n_all else None,
        "recall": float(r_total / n_rel) if n_rel else None,
        "mrr": float(m_total / n_rel) if n_rel else None,
        "ndcg": g_total / n_rel if n_rel else None,
    }
