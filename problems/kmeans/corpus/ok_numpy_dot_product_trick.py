# expect: accepted
# why: distances expanded as |x|^2 - 2 x.c + |c|^2 with a matrix product, means via a one-hot matrix, squared shift against tol^2
import numpy as np


def kmeans(X, centroids, max_iter=100, tol=1e-4):
    if len(X) == 0 or len(centroids) == 0:
        raise ValueError("need points and centroids")
    widths = {len(r) for r in X} | {len(r) for r in centroids}
    if len(widths) != 1 or 0 in widths:
        raise ValueError("all rows must share one non-zero width")
    P = np.array(X, dtype=np.float64)
    C = np.array(centroids, dtype=np.float64)
    if not (np.all(np.isfinite(P)) and np.all(np.isfinite(C))):
        raise ValueError("non-finite input")
    if max_iter < 0:
        raise ValueError("max_iter < 0")
    if np.isnan(tol) or tol < 0:
        raise ValueError("tol must be >= 0")
    p2 = (P * P).sum(axis=1)[:, None]

    def nearest(C):
        d = p2 - 2.0 * (P @ C.T) + (C * C).sum(axis=1)[None, :]
        return d.argmin(axis=1)

    it = 0
    for it in range(1, max_iter + 1):
        lab = nearest(C)
        onehot = np.zeros((len(P), len(C)))
        onehot[np.arange(len(P)), lab] = 1.0
        counts = onehot.sum(axis=0)
        moved = np.where(counts[:, None] > 0, (onehot.T @ P) / np.maximum(counts, 1.0)[:, None], C)
        moved_sq = ((moved - C) ** 2).sum(axis=1).max()
        C = moved
        if moved_sq <= tol * tol:
            break
    else:
        it = max_iter
    return nearest(C).tolist(), C.tolist(), it
