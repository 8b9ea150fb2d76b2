# expect: time_limit_exceeded
# why: right values, but the loop over rows recomputes np.max(z, axis=1) (every row's maximum) to take its own: O(n^2 C).
#   (No memory class: the maxima are freed at each row.)
# time: O(n^2)
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
    grad = np.empty((n, c))
    total = 0.0
    for i in range(n):
        shifted = z[i] - np.max(z, axis=1)[i]
        e = np.exp(shifted)
        s = e.sum()
        total += np.log(s) - shifted[y[i]]
        grad[i] = e / s / n
        grad[i, y[i]] -= 1 / n
    return total / n, grad
