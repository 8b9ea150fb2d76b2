# expect: accepted
# why: pure Python: each step is one pass for the errors and one for the gradient, O(n d).
# time: O(n)
# memory: O(n)
import math


def _sigmoid(z):
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


class LogisticRegression:
    def __init__(self, learning_rate=0.1, n_iter=1000, l2=0.0):
        self.learning_rate, self.n_iter, self.l2 = learning_rate, n_iter, l2
        self.w, self.b = None, 0.0

    def _rows(self, X):
        rows = [[float(v) for v in r] for r in X]
        if not rows or not rows[0] or any(len(r) != len(rows[0]) for r in rows):
            raise ValueError("X must be a non-empty table of equal, non-zero width rows")
        if any(not math.isfinite(v) for r in rows for v in r):
            raise ValueError("X has NaN or inf")
        if self.w is not None and len(rows[0]) != len(self.w):
            raise ValueError("wrong number of features")
        return rows

    def fit(self, X, y):
        lr, l2 = self.learning_rate, self.l2
        if not (math.isfinite(lr) and lr > 0) or self.n_iter < 0 or not (math.isfinite(l2) and l2 >= 0):
            raise ValueError("bad hyperparameters")
        self.w = None
        rows = self._rows(X)
        labels = [float(v) for v in y]
        if len(labels) != len(rows) or any(v not in (0.0, 1.0) for v in labels):
            raise ValueError("y must be one 0/1 label per row")
        n, d = len(rows), len(rows[0])
        w, b = [0.0] * d, 0.0
        for _ in range(self.n_iter):
            grad_w, grad_b = [0.0] * d, 0.0
            for r, t in zip(rows, labels):
                err = _sigmoid(sum(wi * xi for wi, xi in zip(w, r)) + b) - t
                grad_b += err
                for j in range(d):
                    grad_w[j] += err * r[j]
            w = [wi - lr * (g / n + l2 * wi) for wi, g in zip(w, grad_w)]
            b -= lr * grad_b / n
        self.w, self.b = w, b
        return self

    def _z(self, X):
        return [sum(wi * xi for wi, xi in zip(self.w, r)) + self.b for r in self._rows(X)]

    def predict_proba(self, X):
        return [_sigmoid(z) for z in self._z(X)]

    def predict(self, X):
        return [1 if z >= 0 else 0 for z in self._z(X)]
