# expect: wrong_answer
# why: NumPy that never compares the query width with the training width: a width of 1 broadcasts silently
import numpy as np


class GaussianNB:
    def __init__(self, var_smoothing=1e-9):
        if not np.isfinite(var_smoothing) or var_smoothing <= 0:
            raise ValueError("var_smoothing")
        self.var_smoothing = var_smoothing

    def fit(self, X, y):
        X = np.asarray(X, dtype=float)
        y = np.asarray(y)
        if X.ndim != 2 or X.size == 0 or len(y) != len(X) or not np.isfinite(X).all():
            raise ValueError("bad input")
        self.classes_ = np.unique(y)
        eps = self.var_smoothing * X.var(axis=0).max()
        self.theta_ = np.array([X[y == c].mean(axis=0) for c in self.classes_])
        self.var_ = np.array([X[y == c].var(axis=0) for c in self.classes_]) + eps
        if eps == 0:
            self.var_[:] = 1.0
        self.prior_ = np.array([np.mean(y == c) for c in self.classes_])
        return self

    def predict_proba(self, X):
        X = np.asarray(X, dtype=float)
        if X.ndim != 2 or X.size == 0 or not np.isfinite(X).all():
            raise ValueError("bad input")
        jll = (np.log(self.prior_) - 0.5 * np.log(2 * np.pi * self.var_).sum(axis=1)
               - 0.5 * ((X[:, None, :] - self.theta_) ** 2 / self.var_).sum(axis=2))
        jll = jll - jll.max(axis=1, keepdims=True)
        e = np.exp(jll)
        return e / e.sum(axis=1, keepdims=True)

    def predict(self, X):
        return self.classes_[np.argmax(self.predict_proba(X), axis=1)]
