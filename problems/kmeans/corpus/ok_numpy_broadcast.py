# expect: accepted
# why: NumPy: an n x k x d broadcast for the distances, argmin (first minimum wins ties), np.add.at and bincount for the means
import numpy as np


def _matrix(rows, name):
    a = np.array(rows, dtype=float)  # always a copy
    if a.ndim != 2 or a.shape[0] == 0 or a.shape[1] == 0:
        raise ValueError(f"{name} must be a non-empty 2-D table")
    if not np.isfinite(a).all():
        raise ValueError(f"{name} must be finite")
    return a


def _rectangular(rows, name):
    if not isinstance(rows, np.ndarray) and len({len(r) for r in rows}) > 1:
        raise ValueError(f"rows of {name} differ in length")


def kmeans(X, centroids, max_iter=100, tol=1e-4):
    _rectangular(X, "X")
    _rectangular(centroids, "centroids")
    P = _matrix(X, "X")
    C = _matrix(centroids, "centroids")
    if P.shape[1] != C.shape[1]:
        raise ValueError("width mismatch")
    if max_iter < 0 or not tol >= 0:
        raise ValueError("bad max_iter or tol")
    k = len(C)

    def assign(C):
        return np.argmin(((P[:, None, :] - C[None, :, :]) ** 2).sum(axis=2), axis=1)

    n_iter = 0
    while n_iter < max_iter:
        labels = assign(C)
        sums = np.zeros_like(C)
        np.add.at(sums, labels, P)
        counts = np.bincount(labels, minlength=k)
        new = C.copy()
        filled = counts > 0
        new[filled] = sums[filled] / counts[filled, None]
        shift = np.sqrt(((new - C) ** 2).sum(axis=1)).max()
        C = new
        n_iter += 1
        if shift <= tol:
            break
    return assign(C), C, n_iter
