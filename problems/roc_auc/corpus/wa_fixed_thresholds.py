# expect: wrong_answer
# why: approximates the ROC curve at 101 evenly spaced thresholds between min and max score, merging distinct scores into one step
import numpy as np


def roc_auc(y_true, y_score):
    y = np.asarray(y_true, dtype=float)
    s = np.asarray(y_score, dtype=float)
    if y.shape != s.shape:
        raise ValueError("length mismatch")
    if not np.isin(y, [0.0, 1.0]).all():
        raise ValueError("labels must be 0 or 1")
    if np.isnan(s).any():
        raise ValueError("NaN score")
    P = (y == 1).sum()
    N = (y == 0).sum()
    if P == 0 or N == 0:
        raise ValueError("need both classes")
    finite = s[np.isfinite(s)]
    low, high = (finite.min(), finite.max()) if finite.size else (0.0, 0.0)
    thresholds = np.linspace(high, low, 101)
    tpr = [0.0] + [((s >= t) & (y == 1)).sum() / P for t in thresholds] + [1.0]
    fpr = [0.0] + [((s >= t) & (y == 0)).sum() / N for t in thresholds] + [1.0]
    area = sum((f1 - f0) * (t1 + t0) / 2 for f0, f1, t0, t1 in zip(fpr, fpr[1:], tpr, tpr[1:]))
    return float(area)
