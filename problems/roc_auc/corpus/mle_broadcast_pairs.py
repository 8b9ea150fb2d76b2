# expect: memory_limit_exceeded
# why: NumPy broadcasting compares all positives with all negatives at once: a P x N table, 2.4 GB on 100 000 samples
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
    pos, neg = s[y == 1], s[y == 0]
    if pos.size == 0 or neg.size == 0:
        raise ValueError("need both classes")
    greater = (pos[:, None] > neg[None, :]).sum()
    ties = (pos[:, None] == neg[None, :]).sum()
    return float((greater + 0.5 * ties) / (pos.size * neg.size))
