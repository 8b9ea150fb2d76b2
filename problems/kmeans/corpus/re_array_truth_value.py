# expect: runtime_error
# why: `if not X` on a NumPy array raises "the truth value of an array with more than one element is ambiguous"
import math


def kmeans(X, centroids, max_iter=100, tol=1e-4):
    if not X or not centroids:
        raise ValueError("empty input")
    pts = [[float(v) for v in r] for r in X]
    cents = [[float(v) for v in r] for r in centroids]
    d = len(pts[0])
    if d == 0 or any(len(r) != d for r in pts + cents):
        raise ValueError("bad widths")
    if not all(math.isfinite(v) for r in pts + cents for v in r):
        raise ValueError("non-finite")
    if max_iter < 0 or math.isnan(tol) or tol < 0:
        raise ValueError("bad max_iter or tol")

    def closest(p):
        return min(range(len(cents)), key=lambda j: (sum((a - b) ** 2 for a, b in zip(p, cents[j])), j))

    n_iter = 0
    while n_iter < max_iter:
        labels = [closest(p) for p in pts]
        new = []
        for j, c in enumerate(cents):
            members = [p for p, l in zip(pts, labels) if l == j]
            new.append([sum(col) / len(members) for col in zip(*members)] if members else c)
        shift = max(math.dist(a, b) for a, b in zip(cents, new))
        cents = new
        n_iter += 1
        if shift <= tol:
            break
    return [closest(p) for p in pts], cents, n_iter
