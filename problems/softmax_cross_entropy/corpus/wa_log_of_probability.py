# expect: wrong_answer
# why: stable softmax, but the loss is -log(p[label]): with logits of +-1e4 p rounds to 0 and the loss is inf
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
    if np.isneginf(z[np.arange(n), y]).any():
        raise ValueError("label on -inf")
    e = np.exp(z - z.max(axis=1, keepdims=True))
    p = e / e.sum(axis=1, keepdims=True)
    loss = -np.mean(np.log(p[np.arange(n), y]))
    p[np.arange(n), y] -= 1
    return float(loss), p / n
