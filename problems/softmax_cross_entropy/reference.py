"""Reference solution for `cross_entropy`; runs in the judge process only.

Row-wise log-sum-exp with the row maximum subtracted first, so the largest
exponent is exp(0) = 1 and nothing overflows; -inf entries become exp(-inf) = 0
exactly. The loss is taken from the log-probabilities (never from log of a
probability that may have underflowed to 0).
"""

from __future__ import annotations

import numpy as np


def cross_entropy(logits, labels):
    """(mean cross-entropy over the rows, its gradient with respect to the logits)."""
    z = _logits(logits)
    n, classes = z.shape
    y = _labels(labels, n, classes)
    rows = np.arange(n)
    if np.isneginf(z[rows, y]).any():
        raise ValueError("a label's logit is -inf: its probability is 0 and the loss is infinite")
    shifted = z - z.max(axis=1, keepdims=True)
    exps = np.exp(shifted)
    sums = exps.sum(axis=1, keepdims=True)
    log_probs = shifted - np.log(sums)
    loss = float(-log_probs[rows, y].mean())
    grad = exps / sums
    grad[rows, y] -= 1.0
    return loss, grad / n


def _logits(logits) -> np.ndarray:
    try:
        z = np.array(logits, dtype=float)
    except (TypeError, ValueError) as exc:
        raise ValueError(f"logits must be a 2-D array of numbers ({exc})") from None
    if z.ndim != 2 or z.shape[0] == 0 or z.shape[1] == 0:
        raise ValueError(f"logits must be 2-D with at least one row and one column, got shape {z.shape}")
    if np.isnan(z).any() or np.isposinf(z).any():
        raise ValueError("logits must not contain NaN or +inf")
    if np.isneginf(z).all(axis=1).any():
        raise ValueError("a row of logits is entirely -inf: its softmax is undefined")
    return z


def _labels(labels, n: int, classes: int) -> np.ndarray:
    try:
        y = np.array(labels, dtype=float)
    except (TypeError, ValueError) as exc:
        raise ValueError(f"labels must be a 1-D sequence of integers ({exc})") from None
    if y.ndim != 1 or y.shape[0] != n:
        raise ValueError(f"labels must be 1-D with one label per row ({n}), got shape {y.shape}")
    if not (np.isfinite(y).all() and (y == np.floor(y)).all()):
        raise ValueError("labels must be integers")
    if ((y < 0) | (y >= classes)).any():
        raise ValueError(f"labels must lie in [0, {classes})")
    return y.astype(np.int64)
