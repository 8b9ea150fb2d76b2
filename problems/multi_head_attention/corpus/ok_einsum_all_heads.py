# expect: accepted
# why: all heads at once with einsum, masked scores set to -inf, a max-shifted softmax and nan_to_num for rows with no key
# time: O(n^2)
import numpy as np


def multi_head_attention(x, w_q, w_k, w_v, w_o, n_heads, causal=False, key_padding_mask=None):
    if type(n_heads) is not int:
        raise TypeError("n_heads must be an int")
    x = np.array(x, dtype=np.float64)
    if x.ndim != 3 or x.size == 0:
        raise ValueError("x must be a non-empty 3-D array")
    B, L, D = x.shape
    ws = [np.array(w, dtype=np.float64) for w in (w_q, w_k, w_v, w_o)]
    for w in ws:
        if w.shape != (D, D):
            raise ValueError("every weight must be (D, D)")
    if not all(np.isfinite(a).all() for a in [x, *ws]):
        raise ValueError("non-finite input")
    if n_heads < 1 or D % n_heads:
        raise ValueError("n_heads must divide D")
    H, dh = n_heads, D // n_heads
    q, k, v = (np.einsum("bld,de->ble", x, w).reshape(B, L, H, dh) for w in ws[:3])
    s = np.einsum("bihc,bjhc->bhij", q, k) / np.sqrt(dh)
    keep = np.ones((B, 1, L, L), dtype=bool)
    if causal:
        keep = keep & (np.arange(L)[None, :] <= np.arange(L)[:, None])
    if key_padding_mask is not None:
        pad = np.asarray(key_padding_mask, dtype=bool)
        if pad.shape != (B, L):
            raise ValueError("key_padding_mask must be (B, L)")
        keep = keep & ~pad[:, None, None, :]
    s = np.where(keep, s, -np.inf)
    with np.errstate(invalid="ignore"):
        e = np.exp(s - s.max(axis=-1, keepdims=True))
        a = np.nan_to_num(e / e.sum(axis=-1, keepdims=True))
    out = np.einsum("bhij,bjhc->bihc", a, v).reshape(B, L, D)
    return out @ ws[3]
