# expect: accepted
# why: blocks of 512 queries: one matmul per block, np.partition along axis 1 for every row's k-th value at once,
#   then per row the candidates at or above it ordered by (-similarity, index); zero norms replaced by 1
import numpy as np


def top_k_cosine(corpus, queries, k):
    if type(k) is not int:
        raise TypeError("k")
    if k < 0:
        raise ValueError("k")
    mats = []
    for x in (corpus, queries):
        try:
            a = np.array(x, dtype=np.float64)
        except ValueError:
            raise ValueError("ragged input") from None
        if a.size == 0:
            a = a.reshape(0, a.shape[-1] if a.ndim == 2 else 0)
        if a.ndim != 2:
            raise ValueError("2-D input expected")
        if not np.isfinite(a).all():
            raise ValueError("non-finite input")
        mats.append(a)
    C, Q = mats
    n, m = C.shape[0], Q.shape[0]
    if n and m and C.shape[1] != Q.shape[1]:
        raise ValueError("dimension mismatch")
    if m == 0:
        return []
    kk = min(k, n)
    if kk == 0:
        return [[] for _ in range(m)]
    cn = np.linalg.norm(C, axis=1, keepdims=True)
    qn = np.linalg.norm(Q, axis=1, keepdims=True)
    C = C / np.where(cn > 0, cn, 1.0)
    Q = Q / np.where(qn > 0, qn, 1.0)
    result = []
    for s in range(0, m, 512):
        S = Q[s:s + 512] @ C.T
        if kk < n:
            kth = np.partition(S, n - kk, axis=1)[:, n - kk]
        else:
            kth = np.full(len(S), -np.inf)
        for row, t in zip(S, kth):
            idx = np.nonzero(row >= t)[0]
            best = idx[np.lexsort((idx, -row[idx]))[:kk]]
            result.append(list(zip(best.tolist(), row[best].tolist())))
    return result
