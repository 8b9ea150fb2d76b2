# expect: runtime_error
# why: F1 as 2PR/(P+R) without a guard: a label with precision = recall = 0 raises ZeroDivisionError
from collections import Counter


def precision_recall_f1(y_true, y_pred):
    if len(y_true) != len(y_pred) or not y_true:
        raise ValueError("bad input")
    truth, predicted = Counter(y_true), Counter(y_pred)
    hits = Counter(t for t, p in zip(y_true, y_pred) if t == p)
    labels = sorted(set(truth) | set(predicted))
    P = [hits[c] / predicted[c] if predicted[c] else 0.0 for c in labels]
    R = [hits[c] / truth[c] if truth[c] else 0.0 for c in labels]
    F = [2 * p * r / (p + r) for p, r in zip(P, R)]
    k = len(labels)
    acc = sum(hits.values()) / len(y_true)
    return {"labels": labels, "precision": P, "recall": R, "f1": F,
            "support": [truth[c] for c in labels],
            "macro": (sum(P) / k, sum(R) / k, sum(F) / k), "micro": (acc, acc, acc)}
