# expect: wrong_answer
# why: X[labels == j].mean(axis=0) of a cluster with no point is NaN (with a RuntimeWarning), and the NaN centroid is returned
import numpy as np


def kmeans(X, centroids, max_iter=100, tol=1e-4):
    P = np.array(X, dtype=float)
    C = np.array(centroids, dtype=float)
    if P.ndim != 2 or C.ndim != 2 or 0 in P.shape or 0 in C.shape or P.shape[1] != C.shape[1]:
        raise ValueError("X and centroids must be non-empty 2-D tables of one width")
    if not (np.isfinite(P).all() and np.isfinite(C).all()):
        raise ValueError("non-finite values")
    if max_iter < 0 or np.isnan(tol) or tol < 0:
        raise ValueError("bad max_iter or tol")
    n_iter = 0
    for _ in range(max_iter):
        labels = ((P[:, None] - C[None]) ** 2).sum(-1).argmin(1)
        new = np.array([P[labels == j].mean(axis=0) for j in range(len(C))])
        shift = np.sqrt(((new - C) ** 2).sum(1)).max()
        C = new
        n_iter += 1
        if shift <= tol:
            break
    return ((P[:, None] - C[None]) ** 2).sum(-1).argmin(1), C, n_iter
