# expect: wrong_answer
# why: eps is stored without a check: eps = 0, negative, NaN or inf are accepted
import math

import numpy as np


class LayerNorm:
    def __init__(self, gamma, beta, eps=1e-5):
        try:
            self.gamma = np.array(gamma, dtype=float)
            self.beta = np.array(beta, dtype=float)
        except (TypeError, ValueError) as exc:
            raise ValueError("gamma and beta must be vectors of numbers") from exc
        if self.gamma.ndim != 1 or self.gamma.size == 0 or self.gamma.shape != self.beta.shape:
            raise ValueError("gamma and beta must be non-empty vectors of one length")
        if not (np.isfinite(self.gamma).all() and np.isfinite(self.beta).all()):
            raise ValueError("gamma and beta must be finite")
        self.eps = float(eps)
        self.cache = None
        self.dgamma = self.dbeta = None

    @staticmethod
    def _check(a, name):
        try:
            a = np.array(a, dtype=float)
        except (TypeError, ValueError) as exc:
            raise ValueError(f"{name} must be a rectangular array") from exc
        if a.ndim == 0 or a.size == 0 or not np.isfinite(a).all():
            raise ValueError(f"bad {name}")
        return a

    def forward(self, x):
        x = self._check(x, "x")
        d = self.gamma.size
        if x.shape[-1] != d:
            raise ValueError("last axis must match gamma")
        rows = x.reshape(-1, d)
        mu = rows.mean(axis=1, keepdims=True)
        std = np.sqrt(rows.var(axis=1, keepdims=True) + self.eps)
        xhat = (rows - mu) / std
        self.cache = (xhat, std, x.shape)
        return (xhat * self.gamma + self.beta).reshape(x.shape)

    def backward(self, dy):
        if self.cache is None:
            raise RuntimeError("forward first")
        xhat, std, shape = self.cache
        dy = self._check(dy, "dy")
        if dy.shape != shape:
            raise ValueError("dy must have the shape of x")
        dy = dy.reshape(xhat.shape)
        self.dbeta = dy.sum(axis=0)
        self.dgamma = (dy * xhat).sum(axis=0)
        g = dy * self.gamma
        dx = (g - g.mean(axis=1, keepdims=True) - xhat * (g * xhat).mean(axis=1, keepdims=True)) / std
        return dx.reshape(shape)
