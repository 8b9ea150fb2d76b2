# expect: wrong_answer
# why: stochastic updates, one per row inside each pass, instead of one full-batch step per iteration
import math


def _sigmoid(z):
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


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

    def fit(self, X, y):
        rows = self._rows(X)
        ys = [float(v) for v in y]
        if len(ys) != len(rows) or any(v not in (0.0, 1.0) for v in ys):
            raise ValueError("bad y")
        self.w, self.b = [0.0] * len(rows[0]), 0.0
        for _ in range(self.n_iter):
            for r, t in zip(rows, ys):
                err = _sigmoid(sum(a * x for a, x in zip(self.w, r)) + self.b) - t
                self.w = [a - self.learning_rate * (err * x + self.l2 * a) for a, x in zip(self.w, r)]
                self.b -= self.learning_rate * err
        return self

    def predict_proba(self, X):
        return [_sigmoid(sum(a * x for a, x in zip(self.w, r)) + self.b) for r in self._rows(X, len(self.w))]

    def predict(self, X):
        return [int(p >= 0.5) for p in self.predict_proba(X)]
