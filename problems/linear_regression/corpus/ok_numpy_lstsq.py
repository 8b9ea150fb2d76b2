# expect: accepted
# why: NumPy: centre, then lstsq on the centred X stacked over sqrt(alpha)·I (ridge as an augmented least-squares problem)
# time: O(n)
# memory: O(n)
import math

import numpy as np


class LinearRegression:
    def __init__(self, alpha=0.0, fit_intercept=True):
        self.alpha = alpha
        self.fit_intercept = fit_intercept
        self._fitted = False

    @staticmethod
    def _check(X):
        if isinstance(X, np.ndarray):
            A = np.array(X, dtype=float)
        else:
            rows = [list(r) for r in X]
            if not rows or len({len(r) for r in rows}) != 1:
                raise ValueError("X must be a non-empty rectangular table")
            A = np.array(rows, dtype=float)
        if A.ndim != 2 or A.shape[0] == 0 or A.shape[1] == 0:
            raise ValueError("X must be 2-D with at least one row and one column")
        if not np.all(np.isfinite(A)):
            raise ValueError("non-finite value in X")
        return A

    def fit(self, X, y):
        if not (isinstance(self.alpha, (int, float)) and math.isfinite(self.alpha) and self.alpha >= 0):
            raise ValueError("bad alpha")
        A = self._check(X)
        t = np.asarray(y, dtype=float).ravel().copy()
        if t.shape[0] != A.shape[0]:
            raise ValueError("length mismatch")
        if not np.all(np.isfinite(t)):
            raise ValueError("non-finite value in y")
        n, d = A.shape
        if self.fit_intercept:
            mx, my = A.mean(axis=0), t.mean()
        else:
            mx, my = np.zeros(d), 0.0
        Ac, tc = A - mx, t - my
        if self.alpha > 0:
            Ac = np.vstack([Ac, math.sqrt(self.alpha) * np.eye(d)])
            tc = np.concatenate([tc, np.zeros(d)])
        w = np.linalg.lstsq(Ac, tc, rcond=None)[0]
        self.coef_ = w
        self.intercept_ = float(my - mx @ w)
        self._fitted = True
        return self

    def predict(self, X):
        if not self._fitted:
            raise RuntimeError("not fitted")
        A = self._check(X)
        if A.shape[1] != self.coef_.shape[0]:
            raise ValueError("width mismatch")
        return A @ self.coef_ + self.intercept_
