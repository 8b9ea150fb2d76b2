# expect: time_limit_exceeded
# why: lists a point's cluster again (to count its points) for every point, inside every step. (No memory
#   class: its O(n) labels are measured only at the small sizes its quadratic time reaches.)
# time: O(n^2)
import math


def _check(rows, name):
    rows = [[float(v) for v in r] for r in rows]
    if len(rows) == 0:
        raise ValueError(f"{name} is empty")
    d = len(rows[0])
    if d == 0 or any(len(r) != d for r in rows):
        raise ValueError(f"{name} rows must have one non-zero width")
    if not all(math.isfinite(v) for r in rows for v in r):
        raise ValueError(f"{name} must be finite")
    return rows


def _closest(p, cents):
    best, best_d = 0, None
    for j, c in enumerate(cents):
        d = sum((a - b) ** 2 for a, b in zip(p, c))
        if best_d is None or d < best_d:
            best, best_d = j, d
    return best


def kmeans(X, centroids, max_iter=100, tol=1e-4):
    pts = _check(X, "X")
    cents = _check(centroids, "centroids")
    if len(cents[0]) != len(pts[0]):
        raise ValueError("width mismatch")
    if max_iter < 0:
        raise ValueError("max_iter must be >= 0")
    if math.isnan(tol) or tol < 0:
        raise ValueError("tol must be >= 0")
    n_iter = 0
    for _ in range(max_iter):
        labels = [_closest(p, cents) for p in pts]
        sums = [[0.0] * len(c) for c in cents]
        for p, l in zip(pts, labels):
            size = len([q for q, other in zip(pts, labels) if other == l])
            sums[l] = [s + v / size for s, v in zip(sums[l], p)]
        new = [s if l in labels else c for l, (s, c) in enumerate(zip(sums, cents))]
        shift = max(math.dist(a, b) for a, b in zip(cents, new))
        cents = new
        n_iter += 1
        if shift <= tol:
            break
    labels = [_closest(p, cents) for p in pts]
    return labels, cents, n_iter
