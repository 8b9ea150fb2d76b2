# expect: accepted
# why: NumPy: accumulate XᵀX and Xᵀy from the raw sums (no centred copy), solve through eigh, dropping tiny eigenvalues for alpha = 0
import numpy as np


class LinearRegression:
    def __init__(self, alpha=0.0, fit_intercept=True):
        if not np.isfinite(alpha) or alpha < 0:
            raise ValueError("alpha must be finite and non-negative")
        self.alpha = float(alpha)
        self.fit_intercept = fit_intercept

    def _rows(self, X):
        try:
            A = np.asarray(X, dtype=np.float64)
        except ValueError as exc:  # ragged lists
            raise ValueError("ragged rows") from exc
        if A.ndim != 2 or A.size == 0:
            raise ValueError("X must be a non-empty 2-D table")
        if np.isnan(A).any() or np.isinf(A).any():
            raise ValueError("X has NaN or inf")
        return A

    def fit(self, X, y):
        A = self._rows(X)
        t = np.asarray(y, dtype=np.float64)
        if t.ndim != 1 or len(t) != len(A):
            raise ValueError("y must have one value per row")
        if not np.isfinite(t).all():
            raise ValueError("y has NaN or inf")
        n = len(A)
        G = A.T @ A
        h = A.T @ t
        if self.fit_intercept:
            sx, sy = A.sum(axis=0), t.sum()
            G = G - np.outer(sx, sx) / n
            h = h - sx * sy / n
        vals, vecs = np.linalg.eigh(G)
        top = vals.max() if vals.size else 0.0
        keep = vals > 1e-12 * top if top > 0 else np.zeros_like(vals, dtype=bool)
        inv = np.zeros_like(vals)
        inv[keep] = 1.0 / (vals[keep] + self.alpha)
        w = vecs @ (inv * (vecs.T @ h))
        self.coef_ = w
        self.intercept_ = float(t.mean() - A.mean(axis=0) @ w) if self.fit_intercept else 0.0
        return self

    def predict(self, X):
        if getattr(self, "coef_", None) is None:
            raise RuntimeError("call fit first")
        A = self._rows(X)
        if A.shape[1] != len(self.coef_):
            raise ValueError("wrong number of features")
        return (A @ self.coef_ + self.intercept_).tolist()
