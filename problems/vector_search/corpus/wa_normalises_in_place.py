# expect: wrong_answer
# why: np.asarray returns the caller's float array itself, and the rows are divided in place: the corpus argument is modified
import numpy as np


def _as_matrix(x):
    a = np.asarray(x, dtype=float)
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
    a /= norms[:, None]
    return a


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
    for q in Q:
        if k == 0:
            out.append([])
            continue
        sims = C @ q
        if k < n:
            kth = np.partition(sims, n - k)[n - k]  # the k-th largest similarity
            cand = np.flatnonzero(sims >= kth)  # every row tied with it too
        else:
            cand = np.arange(n)
        order = cand[np.lexsort((cand, -sims[cand]))][:k]
        out.append([(int(i), float(sims[i])) for i in order])
    return out
