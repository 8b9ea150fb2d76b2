# expect: memory_limit_exceeded
# why: a dense C x C NumPy confusion matrix: 25 000 labels need 5 GB of int64
import numpy as np


def precision_recall_f1(y_true, y_pred):
    if len(y_true) != len(y_pred) or len(y_true) == 0:
        raise ValueError("bad input")
    labels = sorted(set(y_true) | set(y_pred))
    index = {c: i for i, c in enumerate(labels)}
    k = len(labels)
    cm = np.zeros((k, k), dtype=np.int64)
    for t, p in zip(y_true, y_pred):
        cm[index[t], index[p]] += 1
    tp = np.diag(cm)
    predicted = cm.sum(axis=0)
    actual = cm.sum(axis=1)
    precision = [float(a / b) if b else 0.0 for a, b in zip(tp, predicted)]
    recall = [float(a / b) if b else 0.0 for a, b in zip(tp, actual)]
    f1 = [float(2 * a / (b + c)) if b + c else 0.0 for a, b, c in zip(tp, predicted, actual)]
    acc = float(tp.sum() / len(y_true))
    return {"labels": labels, "precision": precision, "recall": recall, "f1": f1,
            "support": actual.tolist(),
            "macro": (sum(precision) / k, sum(recall) / k, sum(f1) / k), "micro": (acc, acc, acc)}
