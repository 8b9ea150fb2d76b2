# expect: accepted
# why: each step assigns every point once (k distances of d terms) and sums each cluster once: O(n k d) per step.
# time: O(n)
# memory: O(n)
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
        new = []
        for j, c in enumerate(cents):
            members = [p for p, l in zip(pts, labels) if l == j]
            if members:
                new.append([sum(col) / len(members) for col in zip(*members)])
            else:
                new.append(c)
        shift = max(math.dist(a, b) for a, b in zip(cents, new))
        cents = new
        n_iter += 1
        if shift <= tol:
            break
    labels = [_closest(p, cents) for p in pts]
    return labels, cents, n_iter
