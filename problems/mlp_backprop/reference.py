"""Reference solution for `TwoLayerMLP`; runs in the judge process only.

Forward: a = X W1 + b1, h = max(a, 0), s = h W2 + b2, stable log-softmax per
row. Backward by hand: ds = (softmax - one_hot) / n, then through the second
affine map, the ReLU mask (a > 0, so ReLU'(0) = 0) and the first affine map;
the L2 term adds l2 * W to each weight's gradient (biases are not penalised).
"""

from __future__ import annotations

import math

import numpy as np

SHAPES = ("W1", "b1", "W2", "b2")


class TwoLayerMLP:
    def __init__(self, W1, b1, W2, b2):
        params = {name: _finite(value, name) for name, value in zip(SHAPES, (W1, b1, W2, b2))}
        W1, b1, W2, b2 = (params[name] for name in SHAPES)
        if W1.ndim != 2 or W2.ndim != 2 or b1.ndim != 1 or b2.ndim != 1 or 0 in W1.shape or 0 in W2.shape:
            raise ValueError("W1 and W2 must be non-empty matrices, b1 and b2 vectors")
        if b1.shape[0] != W1.shape[1] or W2.shape[0] != W1.shape[1] or b2.shape[0] != W2.shape[1]:
            raise ValueError(f"shapes do not chain: W1 {W1.shape}, b1 {b1.shape}, W2 {W2.shape}, b2 {b2.shape}")
        self.params = params

    def loss_and_grads(self, X, y, l2: float = 0.0):
        W1, b1, W2, b2 = (self.params[name] for name in SHAPES)
        X = _finite(X, "X")
        if X.ndim != 2 or X.shape[0] == 0 or X.shape[1] != W1.shape[0]:
            raise ValueError(f"X must be n x {W1.shape[0]} with n >= 1, got shape {X.shape}")
        n = X.shape[0]
        labels = _labels(y, n, W2.shape[1])
        if isinstance(l2, bool) or not isinstance(l2, (int, float)) or not math.isfinite(l2) or l2 < 0:
            raise ValueError(f"l2 must be a finite number >= 0, got {l2!r}")
        a = X @ W1 + b1
        h = np.maximum(a, 0.0)
        s = h @ W2 + b2
        shifted = s - s.max(axis=1, keepdims=True)
        exps = np.exp(shifted)
        sums = exps.sum(axis=1, keepdims=True)
        rows = np.arange(n)
        data_loss = float(np.mean(np.log(sums[:, 0]) - shifted[rows, labels]))
        loss = data_loss + 0.5 * l2 * (float(np.sum(W1 * W1)) + float(np.sum(W2 * W2)))
        ds = exps / sums
        ds[rows, labels] -= 1.0
        ds /= n
        da = (ds @ W2.T) * (a > 0)
        grads = {
            "W1": X.T @ da + l2 * W1,
            "b1": da.sum(axis=0),
            "W2": h.T @ ds + l2 * W2,
            "b2": ds.sum(axis=0),
        }
        return loss, grads

    def step(self, grads, lr: float) -> None:
        if isinstance(lr, bool) or not isinstance(lr, (int, float)) or not math.isfinite(lr) or lr < 0:
            raise ValueError(f"lr must be a finite number >= 0, got {lr!r}")
        if not isinstance(grads, dict) or any(name not in grads for name in SHAPES):
            raise ValueError(f"grads must be a dict with the keys {SHAPES}")
        updates = {name: _finite(grads[name], f"grads[{name!r}]") for name in SHAPES}
        for name in SHAPES:
            if updates[name].shape != self.params[name].shape:
                raise ValueError(f"grads[{name!r}] has shape {updates[name].shape}, {name} has {self.params[name].shape}")
        for name in SHAPES:
            self.params[name] = self.params[name] - lr * updates[name]


def _finite(values, name: str) -> np.ndarray:
    try:
        array = np.array(values, dtype=float)
    except (TypeError, ValueError):
        raise ValueError(f"{name} must be a rectangular array of numbers") from None
    if not np.isfinite(array).all():
        raise ValueError(f"{name} must hold finite numbers only")
    return array


def _labels(y, n: int, classes: int) -> np.ndarray:
    try:
        labels = np.array(y, dtype=float)
    except (TypeError, ValueError):
        raise ValueError("y must be a 1-D sequence of integers") from None
    if labels.ndim != 1 or labels.shape[0] != n:
        raise ValueError(f"y must hold one label per row of X ({n})")
    if not (np.isfinite(labels).all() and (labels == np.floor(labels)).all()):
        raise ValueError("labels must be integers")
    if ((labels < 0) | (labels >= classes)).any():
        raise ValueError(f"labels must lie in [0, {classes})")
    return labels.astype(np.int64)
