# expect: wrong_answer
# why: 100 steps of gradient descent on the centred data: close to the answer on easy data, not within 1e-6 on the rest
import numpy as np


class LinearRegression:
    def __init__(self, alpha=0.0, fit_intercept=True, n_steps=100):
        if not np.isfinite(alpha) or alpha < 0:
            raise ValueError("alpha")
        self.alpha = alpha
        self.fit_intercept = fit_intercept
        self.n_steps = n_steps

    def fit(self, X, y):
        X = _check(X)
        y = np.array(y, dtype=float)
        if y.shape != (len(X),) or not np.isfinite(y).all():
            raise ValueError("y")
        mx = X.mean(0) if self.fit_intercept else np.zeros(X.shape[1])
        my = y.mean() if self.fit_intercept else 0.0
        Xc, yc = X - mx, y - my
        L = np.linalg.eigvalsh(Xc.T @ Xc).max() + self.alpha
        w = np.zeros(X.shape[1])
        if L > 0:
            for _ in range(self.n_steps):
                w -= (Xc.T @ (Xc @ w - yc) + self.alpha * w) / L
        self.coef_ = w
        self.intercept_ = float(my - mx @ w)
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
