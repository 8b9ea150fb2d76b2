# expect: accepted
# why: the textbook 1 / (1 + exp(-z)), made safe by np.errstate(over="ignore"): exp overflows to inf and 1 / inf is exactly 0
import numpy as np


def sigmoid(z):
    with np.errstate(over="ignore"):
        return 1.0 / (1.0 + np.exp(-z))


class LogisticRegression:
    def __init__(self, learning_rate=0.1, n_iter=1000, l2=0.0):
        if not (np.isfinite(learning_rate) and learning_rate > 0):
            raise ValueError("learning_rate")
        if n_iter < 0:
            raise ValueError("n_iter")
        if not (np.isfinite(l2) and l2 >= 0):
            raise ValueError("l2")
        self.learning_rate, self.n_iter, self.l2 = learning_rate, n_iter, l2

    def _X(self, X):
        if not isinstance(X, np.ndarray) and len(set(map(len, X))) > 1:
            raise ValueError("ragged")
        X = np.asarray(X, dtype=float)
        if X.ndim != 2 or 0 in X.shape or not np.isfinite(X).all():
            raise ValueError("X must be a finite, non-empty 2-D table")
        return X

    def fit(self, X, y):
        X = self._X(X)
        y = np.asarray(y, dtype=float)
        if y.shape != (X.shape[0],) or ((y != 0) & (y != 1)).any():
            raise ValueError("y")
        n = len(y)
        self.coef_, self.intercept_ = np.zeros(X.shape[1]), 0.0
        for _ in range(self.n_iter):
            r = sigmoid(X @ self.coef_ + self.intercept_) - y
            self.coef_, self.intercept_ = (self.coef_ - self.learning_rate * (X.T @ r / n + self.l2 * self.coef_),
                                           self.intercept_ - self.learning_rate * r.mean())
        return self

    def predict_proba(self, X):
        X = self._X(X)
        if X.shape[1] != self.coef_.shape[0]:
            raise ValueError("width")
        return sigmoid(X @ self.coef_ + self.intercept_)

    def predict(self, X):
        return (self.predict_proba(X) >= 0.5).astype(int)
