# expect: forbidden_import
# why: scikit-learn's ndcg_score (with its linear gain, besides): only the standard library is allowed here
import math

from sklearn.metrics import ndcg_score


def ranking_metrics(judgments, results, k):
    values = []
    for query, judged in judgments.items():
        docs = sorted(set(judged) | {d for d, _ in results.get(query, [])})
        scores = dict(results.get(query, []))
        values.append(ndcg_score([[judged.get(d, 0) for d in docs]], [[scores.get(d, -math.inf) for d in docs]], k=k))
    mean = sum(values) / len(values) if values else None
    return {"precision": None, "recall": None, "mrr": None, "ndcg": mean}
