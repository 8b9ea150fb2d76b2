# expect: time_limit_exceeded
# why: recomputes every row's z inside the loop over rows, to take its own: O(n^2 d) per step. (No memory
#   class: its O(n) lists are measured only at the small sizes its quadratic time reaches.)
# time: O(n^2)
import math


def _sigmoid(z):
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


class LogisticRegression:
    def __init__(self, learning_rate=0.1, n_iter=1000, l2=0.0):
        self.learning_rate, self.n_iter, self.l2 = learning_rate, n_iter, l2

    def fit(self, X, y):
        rows = [[float(v) for v in r] for r in X]
        ys = [float(v) for v in y]
        n, d = len(rows), len(rows[0])
        w, b = [0.0] * d, 0.0
        for _ in range(self.n_iter):
            gw, gb = [0.0] * d, 0.0
            for i in range(n):
                zs = [sum(a * x for a, x in zip(w, r)) + b for r in rows]
                err = _sigmoid(zs[i]) - ys[i]
                gb += err
                for j in range(d):
                    gw[j] += err * rows[i][j]
            w = [a - self.learning_rate * (g / n + self.l2 * a) for a, g in zip(w, gw)]
            b -= self.learning_rate * gb / n
        self.w, self.b = w, b
        return self

    def predict_proba(self, X):
        return [_sigmoid(sum(a * x for a, x in zip(self.w, r)) + self.b) for r in X]

    def predict(self, X):
        return [int(p >= 0.5) for p in self.predict_proba(X)]
