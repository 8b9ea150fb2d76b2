# expect: memory_limit_exceeded
# why: picks each row's label probability as np.diag(logp[:, labels]): an n x n matrix, 20 GB for 50 000 rows
import numpy as np


def cross_entropy(logits, labels):
    z = np.array(logits, dtype=float)
    if z.ndim != 2 or 0 in z.shape or np.isnan(z).any() or np.isposinf(z).any():
        raise ValueError("bad logits")
    if np.isneginf(z).all(axis=1).any():
        raise ValueError("row of only -inf")
    y = np.array(labels, dtype=float)
    n, c = z.shape
    if y.ndim != 1 or len(y) != n or not np.isfinite(y).all() or (y != np.floor(y)).any() or (y < 0).any() or (y >= c).any():
        raise ValueError("bad labels")
    y = y.astype(int)
    if np.isneginf(np.diag(z[:, y])).any():
        raise ValueError("label on -inf")
    shifted = z - z.max(axis=1, keepdims=True)
    e = np.exp(shifted)
    s = e.sum(axis=1, keepdims=True)
    logp = shifted - np.log(s)
    loss = -np.mean(np.diag(logp[:, y]))
    p = e / s
    p[np.arange(n), y] -= 1
    return float(loss), p / n
