# expect: accepted
# why: vectorised NumPy: row max subtracted, log-sum-exp for the loss, probabilities minus one-hot over n
# time: O(n)
# memory: O(n)
import numpy as np


def cross_entropy(logits, labels):
    try:
        z = np.asarray(logits, dtype=np.float64)
    except (TypeError, ValueError) as exc:
        raise ValueError("logits must be a 2-D numeric array") from exc
    if z.ndim != 2 or 0 in z.shape:
        raise ValueError("logits must be non-empty and 2-D")
    if np.isnan(z).any() or (z == np.inf).any():
        raise ValueError("NaN or +inf logit")
    if (z == -np.inf).all(axis=1).any():
        raise ValueError("a row of only -inf")
    n, c = z.shape
    y = np.asarray(labels)
    if y.ndim != 1 or len(y) != n:
        raise ValueError("one label per row")
    y = y.astype(np.float64)
    if not np.all(np.isfinite(y)) or np.any(y != np.round(y)) or np.any(y < 0) or np.any(y >= c):
        raise ValueError("labels must be integers in [0, C)")
    y = y.astype(np.intp)
    picked = z[np.arange(n), y]
    if np.isneginf(picked).any():
        raise ValueError("a label's logit is -inf")
    m = z.max(axis=1, keepdims=True)
    e = np.exp(z - m)
    s = e.sum(axis=1, keepdims=True)
    lse = np.log(s)[:, 0] + m[:, 0]
    loss = np.mean(lse - picked)
    p = e / s
    p[np.arange(n), y] -= 1
    return float(loss), p / n
