# expect: accepted
# why: NumPy in blocks of 128 queries: |x|^2 - 2 Q X^T + |q|^2, then a stable argsort per row (bounded memory, O(n log n) per query)
import numpy as np

BLOCK = 128


def knn_predict(X_train, y_train, X_query, k):
    if type(k) is not int:
        raise TypeError("k must be an int")
    X = _check(X_train)
    Q = _check(X_query)
    labels = list(y_train)
    if len(labels) != len(X):
        raise ValueError("length mismatch")
    if not 1 <= k <= len(X):
        raise ValueError("bad k")
    if Q.shape[1] != X.shape[1]:
        raise ValueError("width mismatch")
    sq = (X * X).sum(axis=1)
    result = []
    for start in range(0, len(Q), BLOCK):
        block = Q[start:start + BLOCK]
        D = sq[None, :] - 2.0 * (block @ X.T) + (block * block).sum(axis=1)[:, None]
        for row in D:
            nearest = np.argsort(row, kind="stable")[:k]
            votes = {}
            for i in nearest:
                votes[labels[i]] = votes.get(labels[i], 0) + 1
            top = max(votes.values())
            for i in nearest:
                if votes[labels[i]] == top:
                    result.append(labels[i])
                    break
    return result


def _check(T):
    if isinstance(T, np.ndarray):
        A = T.astype(float)
    else:
        if len(T) == 0 or any(len(r) != len(T[0]) for r in T):
            raise ValueError("empty or ragged")
        A = np.array(T, dtype=float)
    if A.ndim != 2 or 0 in A.shape:
        raise ValueError("shape")
    if np.isnan(A).any() or np.isinf(A).any():
        raise ValueError("non-finite")
    return A
