"""Reference: NumPy, one (m, v) pair per parameter position, PyTorch's Adam / AdamW update order."""

from __future__ import annotations

import math
import numbers

import numpy as np


def _hyper(value, name: str, low: float, high: float | None = None) -> float:
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(f"{name} must be a real number")
    value = float(value)
    if not math.isfinite(value) or value < low or (high is not None and value >= high):
        raise ValueError(f"{name} = {value} is out of range")
    return value


class Adam:
    def __init__(self, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8, weight_decay=0.0, decoupled=True):
        self.lr = _hyper(lr, "lr", 0.0)
        self.beta1 = _hyper(beta1, "beta1", 0.0, 1.0)
        self.beta2 = _hyper(beta2, "beta2", 0.0, 1.0)
        self.eps = _hyper(eps, "eps", 0.0)
        self.weight_decay = _hyper(weight_decay, "weight_decay", 0.0)
        self.decoupled = bool(decoupled)
        self.t = 0
        self.m: list[np.ndarray] | None = None
        self.v: list[np.ndarray] | None = None

    def step(self, params, grads):
        if len(params) != len(grads):
            raise ValueError(f"{len(params)} parameters but {len(grads)} gradients")
        ps = [np.asarray(p, dtype=float) for p in params]
        gs = [np.asarray(g, dtype=float) for g in grads]
        for i, (p, g) in enumerate(zip(ps, gs)):
            if p.shape != g.shape:
                raise ValueError(f"parameter {i} has shape {p.shape} but its gradient {g.shape}")
        if self.m is None:
            self.m = [np.zeros_like(p) for p in ps]
            self.v = [np.zeros_like(p) for p in ps]
        elif len(ps) != len(self.m) or any(p.shape != m.shape for p, m in zip(ps, self.m)):
            raise ValueError("the parameters' number or shapes changed since the first step")
        self.t += 1
        correction1 = 1.0 - self.beta1 ** self.t
        correction2 = 1.0 - self.beta2 ** self.t
        new = []
        for i, (p, g) in enumerate(zip(ps, gs)):
            if self.weight_decay and not self.decoupled:
                g = g + self.weight_decay * p
            self.m[i] = self.beta1 * self.m[i] + (1.0 - self.beta1) * g
            self.v[i] = self.beta2 * self.v[i] + (1.0 - self.beta2) * (g * g)
            m_hat = self.m[i] / correction1
            v_hat = self.v[i] / correction2
            base = p * (1.0 - self.lr * self.weight_decay) if self.decoupled else p
            new.append(base - self.lr * m_hat / (np.sqrt(v_hat) + self.eps))
        return new
