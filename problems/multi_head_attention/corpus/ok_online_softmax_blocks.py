# expect: accepted
# why: the follow-up: keys in blocks of 128 with a running max, sum and weighted sum per query (online softmax), O(L) extra memory per head
# time: O(n^2)
import numpy as np

BLOCK = 128


def multi_head_attention(x, w_q, w_k, w_v, w_o, n_heads, causal=False, key_padding_mask=None):
    if isinstance(n_heads, bool) or not isinstance(n_heads, int):
        raise TypeError("n_heads must be an int")
    x = np.asarray(x, dtype=float)
    if x.ndim != 3 or 0 in x.shape:
        raise ValueError("x must be (B, L, D)")
    B, L, D = x.shape
    w_q, w_k, w_v, w_o = (np.asarray(w, dtype=float) for w in (w_q, w_k, w_v, w_o))
    if any(w.shape != (D, D) for w in (w_q, w_k, w_v, w_o)):
        raise ValueError("weights must be (D, D)")
    if not (np.isfinite(x).all() and all(np.isfinite(w).all() for w in (w_q, w_k, w_v, w_o))):
        raise ValueError("NaN or infinity")
    if n_heads < 1 or D % n_heads != 0:
        raise ValueError("bad n_heads")
    pad = np.zeros((B, L), dtype=bool) if key_padding_mask is None else np.asarray(key_padding_mask, dtype=bool)
    if pad.shape != (B, L):
        raise ValueError("bad mask")
    H, dh = n_heads, D // n_heads
    split = lambda m: (x @ m).reshape(B, L, H, dh).transpose(0, 2, 1, 3)  # noqa: E731
    q, k, v = split(w_q) / np.sqrt(dh), split(w_k), split(w_v)
    run_max = np.full((B, H, L, 1), -np.inf)
    run_sum = np.zeros((B, H, L, 1))
    acc = np.zeros((B, H, L, dh))
    rows = np.arange(L)[:, None]
    for start in range(0, L, BLOCK):
        stop = min(L, start + BLOCK)
        s = q @ k[:, :, start:stop].transpose(0, 1, 3, 2)
        ok = ~pad[:, None, None, start:stop]
        if causal:
            ok = ok & (np.arange(start, stop)[None, :] <= rows)
        s = np.where(ok, s, -np.inf)
        new_max = np.maximum(run_max, s.max(axis=-1, keepdims=True))
        safe = np.where(np.isneginf(new_max), 0.0, new_max)
        p = np.exp(s - safe)
        fix = np.exp(run_max - safe)
        run_sum = run_sum * fix + p.sum(axis=-1, keepdims=True)
        acc = acc * fix + p @ v[:, :, start:stop]
        run_max = new_max
    heads = acc / np.where(run_sum > 0, run_sum, 1.0)
    return heads.transpose(0, 2, 1, 3).reshape(B, L, D) @ w_o
