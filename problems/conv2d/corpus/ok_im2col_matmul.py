# expect: accepted
# why: im2col: np.pad, one column block per kernel offset, reshaped to (C*KH*KW, N*OH*OW), then one matrix product
# time: O(n)
# memory: O(n)
import numbers

import numpy as np


def _two(v, name):
    pair = tuple(v) if isinstance(v, (list, tuple)) else (v, v)
    if len(pair) != 2:
        raise ValueError(f"{name}: expected an int or a pair")
    if any(isinstance(t, bool) or not isinstance(t, numbers.Integral) for t in pair):
        raise TypeError(f"{name}: ints only")
    return pair


def conv2d(x, w, b=None, stride=1, padding=0):
    sh, sw = _two(stride, "stride")
    ph, pw = _two(padding, "padding")
    if sh < 1 or sw < 1 or ph < 0 or pw < 0:
        raise ValueError("stride must be >= 1 and padding >= 0")
    x = np.array(x, dtype=np.float64)
    w = np.array(w, dtype=np.float64)
    if x.ndim != 4 or w.ndim != 4 or 0 in x.shape or 0 in w.shape:
        raise ValueError("bad shapes")
    n, c, h, wd = x.shape
    f, c2, kh, kw = w.shape
    if c2 != c:
        raise ValueError("channels differ")
    bias = np.zeros(f) if b is None else np.array(b, dtype=np.float64)
    if bias.shape != (f,):
        raise ValueError("bias shape")
    oh = (h + 2 * ph - kh) // sh + 1
    ow = (wd + 2 * pw - kw) // sw + 1
    if h + 2 * ph - kh < 0 or wd + 2 * pw - kw < 0:
        raise ValueError("no output")
    xp = np.pad(x, [(0, 0), (0, 0), (ph, ph), (pw, pw)], mode="constant")
    cols = np.empty((c, kh, kw, n, oh, ow))
    for i in range(kh):
        for j in range(kw):
            cols[:, i, j] = xp[:, :, i:i + sh * oh:sh, j:j + sw * ow:sw].transpose(1, 0, 2, 3)
    res = w.reshape(f, -1) @ cols.reshape(c * kh * kw, -1) + bias[:, None]
    return res.reshape(f, n, oh, ow).transpose(1, 0, 2, 3)
