# expect: wrong_answer
# why: uses the summed gradient X^T (p - y) instead of the mean, so each step is n times too long
import math

import numpy as np


def sigmoid(z):
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def _table(X, width=None):
    if not isinstance(X, np.ndarray) and len({len(row) for row in X}) > 1:
        raise ValueError("rows of unequal length")
    A = np.array(X, dtype=float)
    if A.ndim != 2 or A.shape[0] == 0 or A.shape[1] == 0:
        raise ValueError("X must be a non-empty 2-D table")
    if not np.all(np.isfinite(A)):
        raise ValueError("X must be finite")
    if width is not None and A.shape[1] != width:
        raise ValueError("X has the wrong number of columns")
    return A


class LogisticRegression:
    def __init__(self, learning_rate=0.1, n_iter=1000, l2=0.0):
        if not math.isfinite(learning_rate) or learning_rate <= 0:
            raise ValueError("learning_rate must be a finite number > 0")
        if n_iter < 0:
            raise ValueError("n_iter must be >= 0")
        if not math.isfinite(l2) or l2 < 0:
            raise ValueError("l2 must be a finite number >= 0")
        self.learning_rate = learning_rate
        self.n_iter = n_iter
        self.l2 = l2

    def fit(self, X, y):
        A = _table(X)
        t = np.array([float(v) for v in y])
        if t.shape != (len(A),):
            raise ValueError("one label per row")
        if not np.all((t == 0) | (t == 1)):
            raise ValueError("labels must be 0 or 1")
        n = len(A)
        w = np.zeros(A.shape[1])
        b = 0.0
        for _ in range(self.n_iter):
            err = sigmoid(A @ w + b) - t
            grad_w = A.T @ err + self.l2 * w
            grad_b = err.sum()
            w = w - self.learning_rate * grad_w
            b = b - self.learning_rate * grad_b
        self.w, self.b = w, b
        return self

    def predict_proba(self, X):
        return sigmoid(_table(X, len(self.w)) @ self.w + self.b)

    def predict(self, X):
        return (self.predict_proba(X) >= 0.5).astype(int)
