# expect: accepted
# why: a Python loop over batch elements and heads, 2-D matmuls per head, an explicit boolean table and a guarded division
import math

import numpy as np


def multi_head_attention(x, w_q, w_k, w_v, w_o, n_heads, causal=False, key_padding_mask=None):
    if isinstance(n_heads, bool) or not isinstance(n_heads, int):
        raise TypeError("n_heads must be an int")
    x = np.asarray(x, dtype=float)
    if x.ndim != 3 or min(x.shape) == 0:
        raise ValueError("x must be (B, L, D)")
    B, L, D = x.shape
    mats = []
    for w in (w_q, w_k, w_v, w_o):
        w = np.asarray(w, dtype=float)
        if w.shape != (D, D) or not np.all(np.isfinite(w)):
            raise ValueError("bad weight")
        mats.append(w)
    if not np.all(np.isfinite(x)):
        raise ValueError("bad x")
    if n_heads <= 0:
        raise ValueError("n_heads must be positive")
    if D % n_heads != 0:
        raise ValueError("D must be divisible by n_heads")
    if key_padding_mask is None:
        pad = np.zeros((B, L), dtype=bool)
    else:
        pad = np.array(key_padding_mask, dtype=bool)
        if pad.shape != (B, L):
            raise ValueError("bad key_padding_mask")
    dh = D // n_heads
    out = np.zeros((B, L, D))
    for b in range(B):
        q, k, v = x[b] @ mats[0], x[b] @ mats[1], x[b] @ mats[2]
        allowed = np.tile(~pad[b], (L, 1))
        if causal:
            allowed = allowed & np.tri(L, dtype=bool)
        concat = np.zeros((L, D))
        for h in range(n_heads):
            cols = slice(h * dh, (h + 1) * dh)
            scores = q[:, cols] @ k[:, cols].T / math.sqrt(dh)
            scores[~allowed] = -np.inf
            row_max = scores.max(axis=1)
            row_max[np.isneginf(row_max)] = 0.0
            p = np.exp(scores - row_max[:, None])
            z = p.sum(axis=1)
            z[z == 0] = 1.0
            concat[:, cols] = (p / z[:, None]) @ v[:, cols]
        out[b] = concat @ mats[3]
    return out
