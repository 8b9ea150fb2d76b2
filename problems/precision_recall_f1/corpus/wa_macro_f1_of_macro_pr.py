# expect: wrong_answer
# why: macro F1 is the harmonic mean of macro precision and macro recall, not the mean of the per-label F1s
from collections import Counter


def _ratio(a, b):
    return a / b if b else 0.0


def _report(labels, y_true, y_pred):
    truth, predicted = Counter(y_true), Counter(y_pred)
    hits = Counter(t for t, p in zip(y_true, y_pred) if t == p)
    out = {"labels": labels, "precision": [], "recall": [], "f1": [], "support": []}
    for c in labels:
        tp, fp, fn = hits[c], predicted[c] - hits[c], truth[c] - hits[c]
        out["precision"].append(_ratio(tp, tp + fp))
        out["recall"].append(_ratio(tp, tp + fn))
        out["f1"].append(_ratio(2 * tp, 2 * tp + fp + fn))
        out["support"].append(tp + fn)
    k = len(labels)
    out["macro"] = (sum(out["precision"]) / k, sum(out["recall"]) / k, sum(out["f1"]) / k)
    acc = sum(hits.values()) / len(y_true)
    out["micro"] = (acc, acc, acc)
    return out


def precision_recall_f1(y_true, y_pred):
    if len(y_true) != len(y_pred) or not y_true:
        raise ValueError("bad input")
    out = _report(sorted(set(y_true) | set(y_pred)), y_true, y_pred)
    p, r, _ = out["macro"]
    out["macro"] = (p, r, 2 * p * r / (p + r) if p + r else 0.0)
    return out
