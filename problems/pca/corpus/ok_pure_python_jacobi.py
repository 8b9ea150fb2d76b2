# expect: accepted
# why: plain loops: means, the d x d covariance with n - 1, cyclic Jacobi rotations, eigenpairs sorted by value
# time: O(n)
# memory: O(n)
import math


def pca(X, n_components):
    if type(n_components) is not int:
        raise TypeError("n_components must be an int")
    rows = [[float(v) for v in r] for r in X]
    n = len(rows)
    if n < 2:
        raise ValueError("at least two rows")
    d = len(rows[0])
    if d == 0 or any(len(r) != d for r in rows):
        raise ValueError("ragged rows")
    if any(not math.isfinite(v) for r in rows for v in r):
        raise ValueError("non-finite value")
    if not 1 <= n_components <= min(n, d):
        raise ValueError("n_components out of range")
    mean = [sum(r[j] for r in rows) / n for j in range(d)]
    centred = [[r[j] - mean[j] for j in range(d)] for r in rows]
    cov = [[0.0] * d for _ in range(d)]
    for r in centred:
        for i in range(d):
            ri = r[i]
            ci = cov[i]
            for j in range(i, d):
                ci[j] += ri * r[j]
    for i in range(d):
        for j in range(i, d):
            cov[i][j] /= n - 1
            cov[j][i] = cov[i][j]
    values, vectors = _jacobi(cov)
    order = sorted(range(d), key=lambda i: -values[i])[:n_components]
    components = []
    for i in order:
        v = [vectors[r][i] for r in range(d)]
        norm = math.sqrt(sum(x * x for x in v))
        v = [x / norm for x in v]
        top = max(abs(x) for x in v)
        first = next(j for j, x in enumerate(v) if abs(x) >= top * (1 - 1e-9))
        if v[first] < 0:
            v = [-x for x in v]
        components.append(v)
    projected = [[sum(a * b for a, b in zip(r, c)) for c in components] for r in centred]
    return components, [values[i] for i in order], projected


def _jacobi(S):
    d = len(S)
    A = [row[:] for row in S]
    V = [[float(i == j) for j in range(d)] for i in range(d)]
    for _ in range(100):
        off = sum(A[i][j] ** 2 for i in range(d) for j in range(d) if i != j)
        if off == 0 or off <= 1e-32 * sum(A[i][i] ** 2 for i in range(d)):
            break
        for p in range(d):
            for q in range(p + 1, d):
                if A[p][q] == 0:
                    continue
                theta = (A[q][q] - A[p][p]) / (2 * A[p][q])
                t = (1.0 if theta >= 0 else -1.0) / (abs(theta) + math.sqrt(theta * theta + 1))
                c = 1 / math.sqrt(t * t + 1)
                s = t * c
                for k in range(d):
                    A[k][p], A[k][q] = c * A[k][p] - s * A[k][q], s * A[k][p] + c * A[k][q]
                for k in range(d):
                    A[p][k], A[q][k] = c * A[p][k] - s * A[q][k], s * A[p][k] + c * A[q][k]
                for k in range(d):
                    V[k][p], V[k][q] = c * V[k][p] - s * V[k][q], s * V[k][p] + c * V[k][q]
    return [A[i][i] for i in range(d)], V
