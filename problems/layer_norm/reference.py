"""Reference solution for `LayerNorm`; runs in the judge process only.

Forward: two-pass statistics over the last axis (the mean, then the mean of
squared deviations), so a large common offset does not cancel. Backward: the
closed form dx = (g - mean(g) - x_hat * mean(g * x_hat)) / sigma with
g = dy * gamma, from the cached x_hat and sigma of the last forward.
"""

from __future__ import annotations

import math

import numpy as np


class LayerNorm:
    def __init__(self, gamma, beta, eps: float = 1e-5):
        self.gamma = _vector(gamma, "gamma")
        self.beta = _vector(beta, "beta")
        if self.gamma.shape != self.beta.shape:
            raise ValueError(f"gamma and beta differ in length: {self.gamma.shape[0]} and {self.beta.shape[0]}")
        if isinstance(eps, bool) or not isinstance(eps, (int, float)) or not math.isfinite(eps) or eps <= 0:
            raise ValueError(f"eps must be a finite number > 0, got {eps!r}")
        self.eps = float(eps)
        self.dgamma = None
        self.dbeta = None
        self._cache = None

    def forward(self, x):
        x = _array(x, "x")
        if x.shape[-1] != self.gamma.shape[0]:
            raise ValueError(f"the last axis of x has {x.shape[-1]} entries, gamma has {self.gamma.shape[0]}")
        mean = x.mean(axis=-1, keepdims=True)
        centred = x - mean
        sigma = np.sqrt((centred * centred).mean(axis=-1, keepdims=True) + self.eps)
        x_hat = centred / sigma
        self._cache = (x_hat, sigma)
        return x_hat * self.gamma + self.beta

    def backward(self, dy):
        if self._cache is None:
            raise RuntimeError("backward called before forward")
        x_hat, sigma = self._cache
        dy = _array(dy, "dy")
        if dy.shape != x_hat.shape:
            raise ValueError(f"dy has shape {dy.shape}, the last forward's x had {x_hat.shape}")
        lead = tuple(range(dy.ndim - 1))
        self.dbeta = dy.sum(axis=lead)
        self.dgamma = (dy * x_hat).sum(axis=lead)
        g = dy * self.gamma
        return (g - g.mean(axis=-1, keepdims=True) - x_hat * (g * x_hat).mean(axis=-1, keepdims=True)) / sigma


def _vector(values, name: str) -> np.ndarray:
    try:
        v = np.array(values, dtype=float)
    except (TypeError, ValueError):
        raise ValueError(f"{name} must be a 1-D sequence of numbers") from None
    if v.ndim != 1 or v.shape[0] == 0 or not np.isfinite(v).all():
        raise ValueError(f"{name} must be a non-empty 1-D sequence of finite numbers")
    return v


def _array(values, name: str) -> np.ndarray:
    try:
        a = np.array(values, dtype=float)
    except (TypeError, ValueError):
        raise ValueError(f"{name} must be a rectangular array of numbers") from None
    if a.ndim == 0 or a.size == 0 or not np.isfinite(a).all():
        raise ValueError(f"{name} must have at least one axis, no empty axis and only finite numbers")
    return a
