# expect: memory_limit_exceeded
# why: centres with the textbook centring matrix C = I − 11ᵀ/n: an n × n float matrix (3.2 GB at 20 000 rows)
import numpy as np


class LinearRegression:
    def __init__(self, alpha=0.0, fit_intercept=True):
        if not np.isfinite(alpha) or alpha < 0:
            raise ValueError("alpha")
        self.alpha = alpha
        self.fit_intercept = fit_intercept

    def fit(self, X, y):
        X = _check(X)
        y = np.array(y, dtype=float)
        if y.shape != (len(X),) or not np.isfinite(y).all():
            raise ValueError("y")
        n, d = X.shape
        C = np.eye(n) - np.full((n, n), 1.0 / n) if self.fit_intercept else np.eye(n)
        Xc, yc = C @ X, C @ y
        w = np.linalg.lstsq(np.vstack([Xc, np.sqrt(self.alpha) * np.eye(d)]), np.concatenate([yc, np.zeros(d)]),
                            rcond=None)[0]
        self.coef_ = w
        self.intercept_ = float((y - X @ w).mean()) if self.fit_intercept else 0.0
        return self

    def predict(self, X):
        if not hasattr(self, "coef_"):
            raise RuntimeError("not fitted")
        X = _check(X)
        if X.shape[1] != len(self.coef_):
            raise ValueError("width")
        return X @ self.coef_ + self.intercept_


def _check(X):
    if not isinstance(X, np.ndarray) and (len(X) == 0 or len({len(r) for r in X}) != 1):
        raise ValueError("X")
    X = np.array(X, dtype=float)
    if X.ndim != 2 or 0 in X.shape or not np.isfinite(X).all():
        raise ValueError("X")
    return X
