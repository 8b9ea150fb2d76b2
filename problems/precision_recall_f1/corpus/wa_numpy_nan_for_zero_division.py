# expect: wrong_answer
# why: NumPy divisions with np.errstate silencing the warning: 0/0 gives NaN where the contract says 0.0
import numpy as np


def precision_recall_f1(y_true, y_pred):
    if len(y_true) != len(y_pred) or len(y_true) == 0:
        raise ValueError("bad input")
    t, p = np.asarray(y_true), np.asarray(y_pred)
    labels = np.union1d(t, p)
    ti = np.searchsorted(labels, t)
    pi = np.searchsorted(labels, p)
    k = len(labels)
    tp = np.bincount(ti[ti == pi], minlength=k).astype(float)
    fp = np.bincount(pi, minlength=k) - tp
    fn = np.bincount(ti, minlength=k) - tp
    with np.errstate(divide="ignore", invalid="ignore"):
        precision = tp / (tp + fp)
        recall = tp / (tp + fn)
        f1 = 2 * tp / (2 * tp + fp + fn)
        micro_p = tp.sum() / (tp.sum() + fp.sum())
        micro_r = tp.sum() / (tp.sum() + fn.sum())
    micro_f = 2 * tp.sum() / (2 * tp.sum() + fp.sum() + fn.sum())
    return {"labels": labels.tolist(), "precision": precision, "recall": recall, "f1": f1,
            "support": (tp + fn).astype(int).tolist(),
            "macro": (precision.mean(), recall.mean(), f1.mean()),
            "micro": (micro_p, micro_r, micro_f)}
