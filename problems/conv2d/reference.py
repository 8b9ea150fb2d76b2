"""Reference: zero padding, then a strided window view (as_strided) contracted with the kernel by tensordot."""

from __future__ import annotations

import numbers

import numpy as np
from numpy.lib.stride_tricks import as_strided


def _pair(value, name: str, low: int) -> tuple[int, int]:
    if isinstance(value, (tuple, list)):
        if len(value) != 2:
            raise ValueError(f"{name} must be an int or a pair of ints")
        items = tuple(value)
    else:
        items = (value, value)
    for item in items:
        if isinstance(item, bool) or not isinstance(item, numbers.Integral):
            raise TypeError(f"{name} must be an int or a pair of ints, not {item!r}")
        if item < low:
            raise ValueError(f"{name} must be at least {low}")
    return int(items[0]), int(items[1])


def conv2d(x, w, b=None, stride=1, padding=0):
    sh, sw = _pair(stride, "stride", 1)
    ph, pw = _pair(padding, "padding", 0)
    x = np.asarray(x, dtype=float)
    w = np.asarray(w, dtype=float)
    if x.ndim != 4 or 0 in x.shape:
        raise ValueError(f"x must be a non-empty (N, C, H, W) array, not shape {x.shape}")
    if w.ndim != 4 or 0 in w.shape:
        raise ValueError(f"w must be a non-empty (F, C, KH, KW) array, not shape {w.shape}")
    n, c, h, wd = x.shape
    f, cw, kh, kw = w.shape
    if cw != c:
        raise ValueError(f"x has {c} channels but w expects {cw}")
    if b is not None:
        b = np.asarray(b, dtype=float)
        if b.shape != (f,):
            raise ValueError(f"b must have shape ({f},), not {b.shape}")
    oh = (h + 2 * ph - kh) // sh + 1
    ow = (wd + 2 * pw - kw) // sw + 1
    if h + 2 * ph < kh or wd + 2 * pw < kw:
        raise ValueError(f"the kernel ({kh}, {kw}) is larger than the padded input: no output")
    xp = np.pad(x, ((0, 0), (0, 0), (ph, ph), (pw, pw)))
    s0, s1, s2, s3 = xp.strides
    windows = as_strided(xp, shape=(n, c, oh, ow, kh, kw), strides=(s0, s1, s2 * sh, s3 * sw, s2, s3),
                         writeable=False)
    out = np.tensordot(windows, w, axes=([1, 4, 5], [1, 2, 3]))  # (n, oh, ow, f)
    if b is not None:
        out = out + b
    return np.ascontiguousarray(out.transpose(0, 3, 1, 2))
