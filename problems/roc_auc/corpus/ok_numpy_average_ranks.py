# expect: accepted
# why: NumPy average ranks from np.unique (tied scores share their mean rank), then the Mann-Whitney U formula
import numpy as np


def roc_auc(y_true, y_score):
    y = np.asarray(y_true, dtype=float)
    s = np.asarray(y_score, dtype=float)
    if y.shape != s.shape:
        raise ValueError("y_true and y_score must have the same length")
    if not np.all((y == 0) | (y == 1)):
        raise ValueError("labels must be 0 or 1")
    if np.isnan(s).any():
        raise ValueError("scores must not be NaN")
    n_pos = int((y == 1).sum())
    n_neg = len(y) - n_pos
    if n_pos == 0 or n_neg == 0:
        raise ValueError("need both classes")
    values, inverse, counts = np.unique(s, return_inverse=True, return_counts=True)
    first_rank = np.cumsum(counts) - counts + 1          # rank of each distinct value's first sample
    mean_rank = first_rank + (counts - 1) / 2.0          # tied samples share the mean rank
    rank_sum = mean_rank[inverse][y == 1].sum()
    u = rank_sum - n_pos * (n_pos + 1) / 2.0
    return float(u / (n_pos * n_neg))
