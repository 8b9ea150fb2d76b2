# expect: wrong_answer
# why: zip(rows, y) stops at the shorter of X and y, so unequal lengths are fitted instead of rejected
import math


class LinearRegression:
    def __init__(self, alpha=0.0, fit_intercept=True):
        self.alpha = alpha
        self.fit_intercept = fit_intercept
        self.coef_ = None
        self.intercept_ = None

    def _table(self, X):
        rows = [[float(v) for v in row] for row in X]
        if not rows:
            raise ValueError("X is empty")
        d = len(rows[0])
        if d == 0 or any(len(r) != d for r in rows):
            raise ValueError("X is not rectangular")
        for r in rows:
            for v in r:
                if not math.isfinite(v):
                    raise ValueError("X has a non-finite value")
        return rows

    def fit(self, X, y):
        a = self.alpha
        if not isinstance(a, (int, float)) or math.isnan(a) or math.isinf(a) or a < 0:
            raise ValueError("alpha")
        rows = self._table(X)
        t = [float(v) for v in y]
        rows, t = rows[: len(t)], t[: len(rows)]
        if not rows:
            raise ValueError("X is empty")
        if not all(math.isfinite(v) for v in t):
            raise ValueError("y has a non-finite value")
        n, d = len(rows), len(rows[0])
        if self.fit_intercept:
            mx = [sum(r[j] for r in rows) / n for j in range(d)]
            my = sum(t) / n
        else:
            mx, my = [0.0] * d, 0.0
        G = [[0.0] * d for _ in range(d)]
        h = [0.0] * d
        for r, v in zip(rows, t):
            c = [r[j] - mx[j] for j in range(d)]
            e = v - my
            for i in range(d):
                ci = c[i]
                h[i] += ci * e
                Gi = G[i]
                for j in range(d):
                    Gi[j] += ci * c[j]
        vals, vecs = _jacobi(G)
        top = max(vals)
        w = [0.0] * d
        for k in range(d):
            if top <= 0 or vals[k] <= 1e-12 * top:
                continue
            v = [vecs[i][k] for i in range(d)]
            proj = sum(v[i] * h[i] for i in range(d)) / (vals[k] + a)
            for i in range(d):
                w[i] += proj * v[i]
        self.coef_ = w
        self.intercept_ = my - sum(m * wi for m, wi in zip(mx, w))
        return self

    def predict(self, X):
        if self.coef_ is None:
            raise RuntimeError("predict before fit")
        rows = self._table(X)
        if len(rows[0]) != len(self.coef_):
            raise ValueError("width")
        return [sum(v * wi for v, wi in zip(r, self.coef_)) + self.intercept_ for r in rows]


def _jacobi(S, sweeps=100):
    """Eigenvalues and eigenvectors (columns) of a symmetric matrix by cyclic Jacobi rotations."""
    d = len(S)
    A = [row[:] for row in S]
    V = [[1.0 if i == j else 0.0 for j in range(d)] for i in range(d)]
    for _ in range(sweeps):
        off = sum(A[i][j] ** 2 for i in range(d) for j in range(d) if i != j)
        scale = sum(A[i][i] ** 2 for i in range(d))
        if off <= 1e-30 * scale or off == 0:
            break
        for p in range(d):
            for q in range(p + 1, d):
                if A[p][q] == 0:
                    continue
                theta = (A[q][q] - A[p][p]) / (2 * A[p][q])
                tt = (1 if theta >= 0 else -1) / (abs(theta) + math.sqrt(theta * theta + 1))
                c = 1 / math.sqrt(tt * tt + 1)
                s = tt * c
                for k in range(d):
                    akp, akq = A[k][p], A[k][q]
                    A[k][p], A[k][q] = c * akp - s * akq, s * akp + c * akq
                for k in range(d):
                    apk, aqk = A[p][k], A[q][k]
                    A[p][k], A[q][k] = c * apk - s * aqk, s * apk + c * aqk
                for k in range(d):
                    vkp, vkq = V[k][p], V[k][q]
                    V[k][p], V[k][q] = c * vkp - s * vkq, s * vkp + c * vkq
    return [A[i][i] for i in range(d)], V
