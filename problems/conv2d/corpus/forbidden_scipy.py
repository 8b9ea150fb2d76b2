# expect: forbidden_import
# why: scipy.signal.correlate does the sliding window: SciPy is not an allowed module (numpy only)
import numpy as np
from scipy.signal import correlate


def conv2d(x, w, b=None, stride=1, padding=0):
    s = (stride, stride) if isinstance(stride, int) else tuple(stride)
    p = (padding, padding) if isinstance(padding, int) else tuple(padding)
    x = np.pad(np.asarray(x, dtype=float), ((0, 0), (0, 0), (p[0], p[0]), (p[1], p[1])))
    w = np.asarray(w, dtype=float)
    out = np.stack([np.stack([correlate(img, k, mode="valid")[0] for k in w]) for img in x])
    out = out[:, :, ::s[0], ::s[1]]
    return out if b is None else out + np.asarray(b, dtype=float)[None, :, None, None]
