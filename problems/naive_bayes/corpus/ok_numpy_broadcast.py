# expect: accepted
# why: NumPy: a one-hot matrix gives the class sums, a (rows, classes, features) broadcast the log-likelihoods
# time: O(n)
import numpy as np


class GaussianNB:
    def __init__(self, var_smoothing=1e-9):
        self.var_smoothing = var_smoothing

    @staticmethod
    def _check(X):
        if not isinstance(X, np.ndarray):
            X = list(X)
            if not X or any(len(r) != len(X[0]) for r in X):
                raise ValueError("bad X")
        A = np.array(X, dtype=np.float64)
        if A.ndim != 2 or A.size == 0 or not np.all(np.isfinite(A)):
            raise ValueError("bad X")
        return A

    def fit(self, X, y):
        s = self.var_smoothing
        if not np.isfinite(s) or s <= 0:
            raise ValueError("var_smoothing")
        A = self._check(X)
        y = np.asarray(y)
        if y.shape != (A.shape[0],):
            raise ValueError("y")
        self.classes_, idx = np.unique(y, return_inverse=True)
        onehot = np.zeros((A.shape[0], len(self.classes_)))
        onehot[np.arange(A.shape[0]), idx] = 1.0
        counts = onehot.sum(axis=0)
        self.theta_ = (onehot.T @ A) / counts[:, None]
        dev = A - self.theta_[idx]
        eps = s * np.var(A, axis=0).max()
        self.sigma_ = (onehot.T @ (dev * dev)) / counts[:, None] + eps
        if eps == 0:
            self.sigma_[:] = 1.0  # every class has the same mean: the features cancel out
        self.prior_ = np.log(counts / A.shape[0])
        return self

    def _jll(self, X):
        A = self._check(X)
        if A.shape[1] != self.theta_.shape[1]:
            raise ValueError("width")
        diff = A[:, None, :] - self.theta_[None]
        return (self.prior_ - 0.5 * np.sum(np.log(2 * np.pi * self.sigma_), axis=1)
                - 0.5 * np.sum(diff * diff / self.sigma_[None], axis=2))

    def predict_proba(self, X):
        j = self._jll(X)
        j = j - j.max(axis=1, keepdims=True)
        p = np.exp(j)
        return p / p.sum(axis=1, keepdims=True)

    def predict(self, X):
        return self.classes_[np.argmax(self._jll(X), axis=1)]
