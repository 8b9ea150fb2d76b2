# expect: wrong_answer
# why: validates b but never adds it
import numpy as np


def _pair(v, name, low):
    items = list(v) if isinstance(v, (tuple, list)) else [v, v]
    if len(items) != 2:
        raise ValueError(name + " must have two items")
    for item in items:
        if type(item) is not int:
            raise TypeError(name + " must hold ints")
        if item < low:
            raise ValueError(name + " out of range")
    return items


def conv2d(x, w, b=None, stride=1, padding=0):
    sh, sw = _pair(stride, "stride", 1)
    ph, pw = _pair(padding, "padding", 0)
    x = np.asarray(x, dtype=float)
    w = np.asarray(w, dtype=float)
    if x.ndim != 4 or w.ndim != 4 or x.size == 0 or w.size == 0:
        raise ValueError("x and w must be non-empty 4-D arrays")
    N, C, H, W = x.shape
    F, Cw, KH, KW = w.shape
    if C != Cw:
        raise ValueError("channel mismatch")
    if b is not None:
        b = np.asarray(b, dtype=float)
        if b.shape != (F,):
            raise ValueError("b must have shape (F,)")
    Hp, Wp = H + 2 * ph, W + 2 * pw
    if Hp < KH or Wp < KW:
        raise ValueError("kernel larger than the padded input")
    OH, OW = (Hp - KH) // sh + 1, (Wp - KW) // sw + 1
    xp = np.zeros((N, C, Hp, Wp))
    xp[:, :, ph:ph + H, pw:pw + W] = x
    out = np.zeros((N, F, OH, OW))
    for p in range(KH):
        for q in range(KW):
            patch = xp[:, :, p:p + sh * (OH - 1) + 1:sh, q:q + sw * (OW - 1) + 1:sw]
            out += np.einsum("ncij,fc->nfij", patch, w[:, :, p, q])
    return out
