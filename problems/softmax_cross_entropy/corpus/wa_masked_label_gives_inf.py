# expect: wrong_answer
# why: does not check the label's logit: a label on a -inf logit returns an infinite loss instead of raising ValueError
import numpy as np


def cross_entropy(logits, labels):
    z = np.array(logits, dtype=float)
    if z.ndim != 2 or 0 in z.shape or np.isnan(z).any() or np.isposinf(z).any():
        raise ValueError("bad logits")
    y = np.array(labels, dtype=float)
    n, c = z.shape
    if y.ndim != 1 or len(y) != n or not np.isfinite(y).all() or (y != np.floor(y)).any() or (y < 0).any() or (y >= c).any():
        raise ValueError("bad labels")
    y = y.astype(int)
    m = z.max(axis=1, keepdims=True)
    m[np.isneginf(m)] = 0.0
    shifted = z - m
    e = np.exp(shifted)
    s = e.sum(axis=1, keepdims=True)
    with np.errstate(divide="ignore", invalid="ignore"):
        loss = np.mean(np.log(s[:, 0]) - shifted[np.arange(n), y])
        p = e / s
    p[np.arange(n), y] -= 1
    return float(loss), p / n
