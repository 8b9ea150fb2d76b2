# expect: accepted
# why: a Python loop over output pixels, each window (N, C, KH, KW) contracted with all filters by one tensordot
import numpy as np


def conv2d(x, w, b=None, stride=1, padding=0):
    def pair(v, low):
        if isinstance(v, (list, tuple)):
            if len(v) != 2:
                raise ValueError("need two values")
            a, c = v
        else:
            a = c = v
        for t in (a, c):
            if isinstance(t, bool) or not isinstance(t, (int, np.integer)):
                raise TypeError("ints only")
            if t < low:
                raise ValueError("out of range")
        return int(a), int(c)

    sh, sw = pair(stride, 1)
    ph, pw = pair(padding, 0)
    x, w = np.asarray(x, dtype=float), np.asarray(w, dtype=float)
    if x.ndim != 4 or w.ndim != 4 or min(x.shape) == 0 or min(w.shape) == 0:
        raise ValueError("x and w must be 4-D")
    if x.shape[1] != w.shape[1]:
        raise ValueError("channel mismatch")
    F, _, KH, KW = w.shape
    if b is not None:
        b = np.asarray(b, dtype=float)
        if b.shape != (F,):
            raise ValueError("bad bias")
    xp = np.pad(x, ((0, 0), (0, 0), (ph, ph), (pw, pw)))
    if xp.shape[2] < KH or xp.shape[3] < KW:
        raise ValueError("kernel does not fit")
    OH = (xp.shape[2] - KH) // sh + 1
    OW = (xp.shape[3] - KW) // sw + 1
    out = np.empty((x.shape[0], F, OH, OW))
    for i in range(OH):
        for j in range(OW):
            window = xp[:, :, i * sh:i * sh + KH, j * sw:j * sw + KW]
            out[:, :, i, j] = np.tensordot(window, w, axes=([1, 2, 3], [1, 2, 3]))
    if b is not None:
        out += b.reshape(1, F, 1, 1)
    return out
