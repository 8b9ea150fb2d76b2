# expect: memory_limit_exceeded
# why: scores as (Q[..., :, None, :] * K[..., None, :, :]).sum(-1): a (B, H, L, L, d_h) product, 512 MB at L = 1024 and d_h = 32
import math
import numbers

import numpy as np


def _matrix(value, shape: tuple[int, int], name: str) -> np.ndarray:
    array = np.asarray(value, dtype=float)
    if array.shape != shape:
        raise ValueError(f"{name} must have shape {shape}, not {array.shape}")
    if not np.isfinite(array).all():
        raise ValueError(f"{name} holds NaN or infinity")
    return array


def multi_head_attention(x, w_q, w_k, w_v, w_o, n_heads, causal=False, key_padding_mask=None):
    if isinstance(n_heads, bool) or not isinstance(n_heads, numbers.Integral):
        raise TypeError("n_heads must be an int")
    x = np.asarray(x, dtype=float)
    if x.ndim != 3 or 0 in x.shape:
        raise ValueError(f"x must be a non-empty (B, L, D) array, not shape {x.shape}")
    if not np.isfinite(x).all():
        raise ValueError("x holds NaN or infinity")
    batch, length, dim = x.shape
    w_q, w_k, w_v, w_o = (_matrix(w, (dim, dim), name)
                          for w, name in ((w_q, "w_q"), (w_k, "w_k"), (w_v, "w_v"), (w_o, "w_o")))
    if n_heads < 1:
        raise ValueError("n_heads must be at least 1")
    if dim % n_heads:
        raise ValueError(f"D = {dim} is not divisible by n_heads = {n_heads}")
    allowed = np.ones((batch, 1, length, length), dtype=bool)
    if causal:
        allowed &= np.tril(np.ones((length, length), dtype=bool))
    if key_padding_mask is not None:
        padding = np.asarray(key_padding_mask, dtype=bool)
        if padding.shape != (batch, length):
            raise ValueError(f"key_padding_mask must have shape {(batch, length)}, not {padding.shape}")
        allowed &= ~padding[:, None, None, :]

    head = dim // n_heads

    def split(m: np.ndarray) -> np.ndarray:  # (B, L, D) -> (B, H, L, head)
        return (x @ m).reshape(batch, length, n_heads, head).transpose(0, 2, 1, 3)

    q, k, v = split(w_q), split(w_k), split(w_v)
    scores = (q[:, :, :, None, :] * k[:, :, None, :, :]).sum(axis=-1) / math.sqrt(head)
    scores = np.where(allowed, scores, -np.inf)
    top = scores.max(axis=-1, keepdims=True)
    top = np.where(np.isfinite(top), top, 0.0)  # a query with no key: every score is -inf
    weights = np.exp(scores - top)
    total = weights.sum(axis=-1, keepdims=True)
    weights /= np.where(total > 0, total, 1.0)
    heads = (weights @ v).transpose(0, 2, 1, 3).reshape(batch, length, dim)
    return heads @ w_o
