# expect: time_limit_exceeded
# why: the definition in scalar Python: loops over batch, heads, queries, keys and features, about 1.3e8 steps at L = 1024
import math


def multi_head_attention(x, w_q, w_k, w_v, w_o, n_heads, causal=False, key_padding_mask=None):
    if isinstance(n_heads, bool) or not isinstance(n_heads, int):
        raise TypeError("n_heads must be an int")
    x = [[[float(v) for v in tok] for tok in seq] for seq in x]
    if not x or not x[0] or not x[0][0]:
        raise ValueError("empty x")
    B, L, D = len(x), len(x[0]), len(x[0][0])
    if any(len(seq) != L or any(len(tok) != D for tok in seq) for seq in x):
        raise ValueError("x must be (B, L, D)")
    ws = []
    for w in (w_q, w_k, w_v, w_o):
        if not hasattr(w, "__len__") or len(w) != D or any(not hasattr(r, "__len__") or len(r) != D for r in w):
            raise ValueError("weights must be (D, D)")
        ws.append([[float(v) for v in r] for r in w])
    if any(not math.isfinite(v) for seq in x for tok in seq for v in tok) or \
            any(not math.isfinite(v) for w in ws for r in w for v in r):
        raise ValueError("NaN or infinity")
    if n_heads < 1 or D % n_heads:
        raise ValueError("bad n_heads")
    if key_padding_mask is not None:
        if len(key_padding_mask) != B or any(not hasattr(r, "__len__") or len(r) != L for r in key_padding_mask):
            raise ValueError("bad mask")
    dh = D // n_heads
    scale = 1 / math.sqrt(dh)

    def project(seq, w):
        return [[sum(tok[k] * w[k][c] for k in range(D)) for c in range(D)] for tok in seq]

    out = []
    for b in range(B):
        q, k, v = project(x[b], ws[0]), project(x[b], ws[1]), project(x[b], ws[2])
        concat = [[0.0] * D for _ in range(L)]
        for i in range(L):
            keys = [j for j in range(L) if not (causal and j > i)
                    and not (key_padding_mask is not None and key_padding_mask[b][j])]
            for h in range(n_heads):
                lo = h * dh
                scores = []
                for j in keys:
                    s = 0.0
                    for c in range(lo, lo + dh):
                        s += q[i][c] * k[j][c]
                    scores.append(s * scale)
                if not scores:
                    continue
                top = max(scores)
                e = [math.exp(s - top) for s in scores]
                z = sum(e)
                for c in range(lo, lo + dh):
                    acc = 0.0
                    for wgt, j in zip(e, keys):
                        acc += wgt * v[j][c]
                    concat[i][c] = acc / z
        out.append(project(concat, ws[3]))
    return out
