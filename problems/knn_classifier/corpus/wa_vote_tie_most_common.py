# expect: wrong_answer
# why: Counter(...).most_common(1) over the labels sorted by name: a tied vote goes to the alphabetically first label, not the nearest
from collections import Counter

import numpy as np


def knn_predict(X_train, y_train, X_query, k):
    if not isinstance(k, (int, np.integer)) or isinstance(k, bool):
        raise TypeError("k must be an integer")
    A = _as_table(X_train)
    Q = _as_table(X_query)
    y = list(y_train)
    if len(y) != A.shape[0]:
        raise ValueError("X_train and y_train differ in length")
    if k < 1 or k > A.shape[0]:
        raise ValueError("k out of range")
    if Q.shape[1] != A.shape[1]:
        raise ValueError("query width differs from training width")
    out = []
    for q in Q:
        diff = A - q
        d2 = np.einsum("ij,ij->i", diff, diff)
        kth = d2[np.argpartition(d2, k - 1)[k - 1]]
        cand = np.flatnonzero(d2 <= kth)
        cand = cand[np.argsort(d2[cand], kind="stable")][:k]
        labels = [y[i] for i in cand]
        out.append(Counter(sorted(labels, key=repr)).most_common(1)[0][0])
    return out


def _as_table(X):
    if not isinstance(X, np.ndarray):
        X = list(X)
        if X and len({len(r) for r in X}) != 1:
            raise ValueError("ragged rows")
    A = np.array(X, dtype=float)
    if A.ndim != 2 or A.shape[0] == 0 or A.shape[1] == 0:
        raise ValueError("need a non-empty 2-D table")
    if not np.isfinite(A).all():
        raise ValueError("NaN or inf in input")
    return A
