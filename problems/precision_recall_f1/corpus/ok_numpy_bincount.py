# expect: accepted
# why: NumPy: np.unique over both arrays gives L and integer codes, np.bincount counts TP, predictions and truths per label
import numpy as np


def precision_recall_f1(y_true, y_pred):
    if len(y_true) != len(y_pred):
        raise ValueError("y_true and y_pred differ in length")
    if len(y_true) == 0:
        raise ValueError("empty input")
    n = len(y_true)
    both = np.array(list(y_true) + list(y_pred))
    labels, codes = np.unique(both, return_inverse=True)
    t, p = codes[:n], codes[n:]
    k = len(labels)
    tp = np.bincount(t[t == p], minlength=k)
    pred_count = np.bincount(p, minlength=k)
    true_count = np.bincount(t, minlength=k)
    fp, fn = pred_count - tp, true_count - tp

    def safe(num, den):
        out = np.zeros(k)
        mask = den > 0
        out[mask] = num[mask] / den[mask]
        return out

    precision = safe(tp, tp + fp)
    recall = safe(tp, tp + fn)
    f1 = safe(2 * tp, 2 * tp + fp + fn)
    TP, FP, FN = tp.sum(), fp.sum(), fn.sum()
    micro = [TP / (TP + FP) if TP + FP else 0.0, TP / (TP + FN) if TP + FN else 0.0,
             2 * TP / (2 * TP + FP + FN) if TP + FP + FN else 0.0]
    return {
        "labels": labels.tolist(),
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "support": (tp + fn).tolist(),
        "macro": np.array([precision.mean(), recall.mean(), f1.mean()]),
        "micro": [float(v) for v in micro],
    }
