# expect: forbidden_import
# why: PyTorch's scaled_dot_product_attention does the work: torch is not an allowed module (numpy only)
import numpy as np
import torch
import torch.nn.functional as F


def multi_head_attention(x, w_q, w_k, w_v, w_o, n_heads, causal=False, key_padding_mask=None):
    x = torch.as_tensor(np.asarray(x, dtype=float))
    B, L, D = x.shape
    dh = D // n_heads
    q, k, v = (
        (x @ torch.as_tensor(np.asarray(w, dtype=float))).reshape(B, L, n_heads, dh).transpose(1, 2)
        for w in (w_q, w_k, w_v)
    )
    mask = None
    if key_padding_mask is not None:
        mask = ~torch.as_tensor(np.asarray(key_padding_mask, dtype=bool))[:, None, None, :]
    out = F.scaled_dot_product_attention(q, k, v, attn_mask=mask, is_causal=causal and mask is None)
    return (out.transpose(1, 2).reshape(B, L, D) @ torch.as_tensor(np.asarray(w_o, dtype=float))).numpy()
