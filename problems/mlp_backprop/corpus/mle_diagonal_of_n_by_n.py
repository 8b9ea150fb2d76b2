# expect: memory_limit_exceeded
# why: picks each row's label score with np.diag(scores[:, labels]): an n x n matrix, 12.8 GB for 40 000 rows
import math

import numpy as np


def _array(value, name, ndim):
    try:
        a = np.array(value, dtype=np.float64)
    except (TypeError, ValueError) as exc:
        raise ValueError(f"{name}: not a numeric array") from exc
    if a.ndim != ndim or a.size == 0 or not np.all(np.isfinite(a)):
        raise ValueError(f"{name}: need a finite, non-empty {ndim}-D array")
    return a


def _number(value, name):
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value) or value < 0:
        raise ValueError(f"{name} must be a finite number >= 0")
    return float(value)


class TwoLayerMLP:
    def __init__(self, W1, b1, W2, b2):
        self.W1 = _array(W1, "W1", 2)
        self.b1 = _array(b1, "b1", 1)
        self.W2 = _array(W2, "W2", 2)
        self.b2 = _array(b2, "b2", 1)
        D, H = self.W1.shape
        if self.b1.shape != (H,) or self.W2.shape[0] != H or self.b2.shape != (self.W2.shape[1],):
            raise ValueError("parameter shapes do not chain")

    def loss_and_grads(self, X, y, l2=0.0):
        X = _array(X, "X", 2)
        if X.shape[1] != self.W1.shape[0]:
            raise ValueError("X has the wrong width")
        n, C = X.shape[0], self.W2.shape[1]
        labels = np.array(y, dtype=np.float64)
        if labels.shape != (n,) or not np.all(np.isfinite(labels)) or np.any(labels % 1 != 0):
            raise ValueError("y: one integer label per row")
        if np.any(labels < 0) or np.any(labels >= C):
            raise ValueError("label out of range")
        labels = labels.astype(np.int64)
        l2 = _number(l2, "l2")
        z1 = X @ self.W1 + self.b1
        a1 = np.where(z1 > 0, z1, 0.0)
        scores = a1 @ self.W2 + self.b2
        scores = scores - scores.max(axis=1, keepdims=True)
        logsum = np.log(np.exp(scores).sum(axis=1))
        idx = np.arange(n)
        loss = np.mean(logsum - np.diag(scores[:, labels])) + 0.5 * l2 * (np.sum(self.W1 ** 2) + np.sum(self.W2 ** 2))
        dscores = np.exp(scores - logsum[:, None])
        dscores[idx, labels] -= 1
        dscores /= n
        dW2 = a1.T @ dscores + l2 * self.W2
        db2 = dscores.sum(axis=0)
        dz1 = dscores @ self.W2.T
        dz1[z1 <= 0] = 0.0
        dW1 = X.T @ dz1 + l2 * self.W1
        db1 = dz1.sum(axis=0)
        return float(loss), {"W1": dW1, "b1": db1, "W2": dW2, "b2": db2}

    def step(self, grads, lr):
        lr = _number(lr, "lr")
        if not isinstance(grads, dict):
            raise ValueError("grads must be a dict")
        new = {}
        for name in ("W1", "b1", "W2", "b2"):
            if name not in grads:
                raise ValueError(f"missing gradient {name}")
            current = getattr(self, name)
            g = _array(grads[name], name, current.ndim)
            if g.shape != current.shape:
                raise ValueError(f"gradient {name} has the wrong shape")
            new[name] = current - lr * g
        for name, value in new.items():
            setattr(self, name, value)
