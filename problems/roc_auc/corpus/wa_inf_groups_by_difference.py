# expect: wrong_answer
# why: finds groups of tied scores with np.diff(sorted) != 0, but inf - inf is NaN, so two infinite scores never tie
import numpy as np


def roc_auc(y_true, y_score):
    y = np.asarray(y_true, dtype=float)
    s = np.asarray(y_score, dtype=float)
    if len(y) != len(s):
        raise ValueError("length mismatch")
    if not np.isin(y, [0.0, 1.0]).all():
        raise ValueError("labels must be 0 or 1")
    if np.isnan(s).any():
        raise ValueError("NaN score")
    P = int(y.sum())
    N = len(y) - P
    if P == 0 or N == 0:
        raise ValueError("need both classes")
    order = np.argsort(s, kind="mergesort")
    sorted_s, sorted_y = s[order], y[order]
    starts = np.concatenate(([0], np.flatnonzero(np.diff(sorted_s) != 0) + 1))
    ends = np.append(starts[1:], len(s))
    ranks = np.empty(len(s))
    for start, end in zip(starts, ends):
        ranks[start:end] = (start + 1 + end) / 2.0
    u = ranks[sorted_y == 1].sum() - P * (P + 1) / 2.0
    return float(u / (P * N))
