# expect: runtime_error
# why: pure Python 1 / (1 + math.exp(-z)): math.exp raises OverflowError once -z passes about 709
import math


class LogisticRegression:
    def __init__(self, learning_rate=0.1, n_iter=1000, l2=0.0):
        if not (math.isfinite(learning_rate) and learning_rate > 0) or n_iter < 0 or not (math.isfinite(l2) and l2 >= 0):
            raise ValueError("bad hyperparameters")
        self.learning_rate, self.n_iter, self.l2 = learning_rate, n_iter, l2

    def _rows(self, X, width=None):
        rows = [[float(v) for v in r] for r in X]
        if not rows or not rows[0] or any(len(r) != len(rows[0]) for r in rows):
            raise ValueError("bad X")
        if not all(math.isfinite(v) for r in rows for v in r):
            raise ValueError("X not finite")
        if width is not None and len(rows[0]) != width:
            raise ValueError("width")
        return rows

    def _p(self, r):
        return 1.0 / (1.0 + math.exp(-(sum(a * x for a, x in zip(self.w, r)) + self.b)))

    def fit(self, X, y):
        rows = self._rows(X)
        ys = [float(v) for v in y]
        if len(ys) != len(rows) or any(v not in (0.0, 1.0) for v in ys):
            raise ValueError("bad y")
        n, d = len(rows), len(rows[0])
        self.w, self.b = [0.0] * d, 0.0
        for _ in range(self.n_iter):
            errs = [self._p(r) - t for r, t in zip(rows, ys)]
            gw = [sum(e * r[j] for e, r in zip(errs, rows)) / n + self.l2 * self.w[j] for j in range(d)]
            gb = sum(errs) / n
            self.w = [a - self.learning_rate * g for a, g in zip(self.w, gw)]
            self.b -= self.learning_rate * gb
        return self

    def predict_proba(self, X):
        return [self._p(r) for r in self._rows(X, len(self.w))]

    def predict(self, X):
        return [int(p >= 0.5) for p in self.predict_proba(X)]
