# expect: wrong_answer
# why: np.asarray does not copy a float array, so moving the centroids in place changes the caller's NumPy array
import numpy as np


def kmeans(X, centroids, max_iter=100, tol=1e-4):
    P = np.asarray(X, dtype=float)
    C = np.asarray(centroids, dtype=float)
    if P.ndim != 2 or C.ndim != 2 or 0 in P.shape or 0 in C.shape or P.shape[1] != C.shape[1]:
        raise ValueError("X and centroids must be non-empty 2-D tables of one width")
    if not (np.isfinite(P).all() and np.isfinite(C).all()):
        raise ValueError("non-finite values")
    if max_iter < 0 or np.isnan(tol) or tol < 0:
        raise ValueError("bad max_iter or tol")
    n_iter = 0
    while n_iter < max_iter:
        labels = ((P[:, None] - C[None]) ** 2).sum(-1).argmin(1)
        shift = 0.0
        for j in range(len(C)):
            members = P[labels == j]
            if len(members):
                mean = members.mean(axis=0)
                shift = max(shift, float(np.linalg.norm(mean - C[j])))
                C[j] = mean
        n_iter += 1
        if shift <= tol:
            break
    return ((P[:, None] - C[None]) ** 2).sum(-1).argmin(1), C, n_iter
