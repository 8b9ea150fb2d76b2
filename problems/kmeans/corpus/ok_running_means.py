# expect: accepted
# why: pure Python with math.dist and running (incremental) means m += (x - m) / count, clusters kept in a dict
import math


def _table(rows, what):
    rows = [list(map(float, r)) for r in rows]
    if not rows or not rows[0] or any(len(r) != len(rows[0]) for r in rows):
        raise ValueError(f"{what}: need a non-empty rectangular table")
    if any(math.isinf(v) or math.isnan(v) for r in rows for v in r):
        raise ValueError(f"{what}: NaN or infinity")
    return rows


def _nearest(point, centres):
    # min over (distance, index) pairs: the smallest index wins a tie
    return min((math.dist(point, c), j) for j, c in enumerate(centres))[1]


def kmeans(X, centroids, max_iter=100, tol=1e-4):
    points = _table(X, "X")
    centres = _table(centroids, "centroids")
    if len(points[0]) != len(centres[0]):
        raise ValueError("X and centroids differ in width")
    if max_iter < 0 or tol != tol or tol < 0:
        raise ValueError("invalid max_iter or tol")
    steps = 0
    while steps < max_iter:
        means = {}
        for p in points:
            j = _nearest(p, centres)
            count, m = means.get(j, (0, None))
            count += 1
            m = list(p) if m is None else [mi + (pi - mi) / count for mi, pi in zip(m, p)]
            means[j] = (count, m)
        new = [means[j][1] if j in means else c for j, c in enumerate(centres)]
        shift = max(math.dist(a, b) for a, b in zip(centres, new))
        centres = new
        steps += 1
        if shift <= tol:
            break
    return [_nearest(p, centres) for p in points], centres, steps
