# expect: runtime_error
# why: `if not logits` to reject an empty batch: on a NumPy array of several entries it raises "truth value ... is ambiguous"
import numpy as np


def cross_entropy(logits, labels):
    if not logits:
        raise ValueError("empty")
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
    shifted = z - z.max(axis=1, keepdims=True)
    e = np.exp(shifted)
    s = e.sum(axis=1, keepdims=True)
    loss = np.mean(np.log(s[:, 0]) - shifted[np.arange(n), y])
    p = e / s
    p[np.arange(n), y] -= 1
    return float(loss), p / n
