# expect: wrong_answer
# why: makes the last of the tied largest-magnitude entries positive instead of the first
import numpy as np


def pca(X, n_components):
    if not isinstance(n_components, int) or isinstance(n_components, bool):
        raise TypeError("n_components must be an int")
    if not isinstance(X, np.ndarray) and (len(X) == 0 or len({len(r) for r in X}) != 1):
        raise ValueError("X must be a non-empty rectangular table")
    A = np.array(X, dtype=float)
    if A.ndim != 2 or A.shape[1] == 0:
        raise ValueError("X must be 2-D")
    if A.shape[0] < 2:
        raise ValueError("need at least two rows")
    if not np.isfinite(A).all():
        raise ValueError("X must be finite")
    n, d = A.shape
    if n_components < 1 or n_components > min(n, d):
        raise ValueError("n_components out of range")
    C = np.atleast_2d(np.cov(A, rowvar=False))
    vals, vecs = np.linalg.eigh(C)
    vals, vecs = vals[::-1][:n_components], vecs[:, ::-1][:, :n_components].T
    for v in vecs:
        m = np.abs(v)
        j = np.flatnonzero(m >= m.max() * (1 - 1e-9))[-1]
        if v[j] < 0:
            v *= -1
    return vecs, vals, (A - A.mean(axis=0)) @ vecs.T
