# expect: wrong_answer
# why: always centres and fits an intercept, also with fit_intercept=False
import numpy as np


class LinearRegression:
    def __init__(self, alpha=0.0, fit_intercept=True):
        self.alpha = alpha
        self.fit_intercept = fit_intercept

    def fit(self, X, y):
        if np.isnan(self.alpha) or np.isinf(self.alpha) or self.alpha < 0:
            raise ValueError("alpha must be >= 0")
        X = _validate(X)
        y = np.array(y, dtype=float)
        if y.shape != (X.shape[0],):
            raise ValueError("y shape")
        if not np.isfinite(y).all():
            raise ValueError("y not finite")
        x_off = X.mean(0)
        y_off = y.mean()
        Xc = X - x_off
        yc = y - y_off
        if self.alpha == 0:
            self.coef_ = np.linalg.pinv(Xc) @ yc
        else:
            self.coef_ = np.linalg.solve(Xc.T @ Xc + self.alpha * np.eye(X.shape[1]), Xc.T @ yc)
        self.intercept_ = y_off - x_off @ self.coef_
        return self

    def predict(self, X):
        if not hasattr(self, "coef_"):
            raise RuntimeError("This LinearRegression instance is not fitted yet")
        X = _validate(X)
        if X.shape[1] != self.coef_.shape[0]:
            raise ValueError(f"X has {X.shape[1]} features, expected {self.coef_.shape[0]}")
        return X @ self.coef_ + self.intercept_


def _validate(X):
    if not isinstance(X, np.ndarray):
        if len(X) == 0 or len(set(len(r) for r in X)) > 1:
            raise ValueError("bad X")
    X = np.array(X, dtype=float)
    if X.ndim != 2 or 0 in X.shape:
        raise ValueError("bad X")
    if not np.isfinite(X).all():
        raise ValueError("X not finite")
    return X
