# expect: accepted
# why: NumPy, with the sigmoid written as 0.5 * (1 + tanh(z / 2)) (tanh never overflows), parameters packed as one vector [w, b]
import numpy as np


class LogisticRegression:
    def __init__(self, learning_rate=0.1, n_iter=1000, l2=0.0):
        if not np.isfinite(learning_rate) or learning_rate <= 0:
            raise ValueError("learning_rate must be a positive finite number")
        if n_iter < 0:
            raise ValueError("n_iter must be >= 0")
        if not np.isfinite(l2) or l2 < 0:
            raise ValueError("l2 must be a finite number >= 0")
        self.lr, self.n_iter, self.l2 = learning_rate, n_iter, l2
        self.theta = None

    @staticmethod
    def _design(X, d=None):
        if not isinstance(X, np.ndarray) and len({len(r) for r in X}) > 1:
            raise ValueError("ragged rows")
        A = np.array(X, dtype=float)
        if A.ndim != 2 or A.shape[0] == 0 or A.shape[1] == 0:
            raise ValueError("X must be a non-empty 2-D table")
        if not np.isfinite(A).all():
            raise ValueError("X must be finite")
        if d is not None and A.shape[1] != d:
            raise ValueError("width differs from fit")
        return np.hstack([A, np.ones((len(A), 1))])  # the intercept as a last column of ones

    def fit(self, X, y):
        A = self._design(X)
        t = np.array([float(v) for v in y])
        if t.shape != (len(A),) or not np.isin(t, (0.0, 1.0)).all():
            raise ValueError("y must hold one 0/1 label per row")
        penalty = np.full(A.shape[1], self.l2)
        penalty[-1] = 0.0  # no penalty on the intercept
        theta = np.zeros(A.shape[1])
        for _ in range(self.n_iter):
            p = 0.5 * (1.0 + np.tanh(A @ theta / 2.0))
            theta = theta - self.lr * (A.T @ (p - t) / len(A) + penalty * theta)
        self.theta = theta
        return self

    def predict_proba(self, X):
        A = self._design(X, len(self.theta) - 1)
        return 0.5 * (1.0 + np.tanh(A @ self.theta / 2.0))

    def predict(self, X):
        return (self.predict_proba(X) >= 0.5).astype(int)
