# expect: memory_limit_exceeded
# why: one matmul of all queries against all rows, then a lexsort of the whole m x n matrix: 800 MB for 10 000 x 10 000
import numpy as np


def _as_matrix(x):
    a = np.array(x, dtype=float)
    if a.ndim == 1 and a.size == 0:
        return a.reshape(0, 0)
    if a.ndim != 2:
        raise ValueError("expected a 2-D array")
    if not np.all(np.isfinite(a)):
        raise ValueError("NaN or infinity")
    return a


def _normalise(a):
    norms = np.sqrt((a * a).sum(axis=1))
    norms[norms == 0] = 1.0
    return a / norms[:, None]


def top_k_cosine(corpus, queries, k):
    if isinstance(k, bool) or not isinstance(k, int):
        raise TypeError("k must be an int")
    if k < 0:
        raise ValueError("k must be >= 0")
    C = _as_matrix(corpus)
    Q = _as_matrix(queries)
    if len(C) and len(Q) and C.shape[1] != Q.shape[1]:
        raise ValueError("dimensions differ")
    n = len(C)
    k = min(k, n)
    C = _normalise(C)
    Q = _normalise(Q)
    out = []
    if k == 0 or len(Q) == 0:
        return [[] for _ in Q]
    S = Q @ C.T
    order = np.argsort(-S, axis=1, kind="stable")[:, :k]
    for row, sims in zip(order, S):
        out.append([(int(i), float(sims[i])) for i in row])
    return out
