# expect: time_limit_exceeded
# why: the formula as six nested Python loops over images, filters, output rows, output columns, channels and kernel cells
import math


def conv2d(x, w, b=None, stride=1, padding=0):
    def pair(v, low):
        vals = list(v) if isinstance(v, (list, tuple)) else [v, v]
        if len(vals) != 2:
            raise ValueError("pair of two")
        for t in vals:
            if type(t) is not int:
                raise TypeError("ints only")
            if t < low:
                raise ValueError("out of range")
        return vals

    sh, sw = pair(stride, 1)
    ph, pw = pair(padding, 0)

    def shape(t, depth):
        dims = []
        for _ in range(depth):
            if not isinstance(t, (list, tuple)) and not hasattr(t, "tolist"):
                raise ValueError("not deep enough")
            t = list(t)
            if not t:
                raise ValueError("empty dimension")
            dims.append(len(t))
            t = t[0]
        if isinstance(t, (list, tuple)) or hasattr(t, "__len__"):
            raise ValueError("too deep")
        return dims

    N, C, H, W = shape(x, 4)
    F, Cw, KH, KW = shape(w, 4)
    if C != Cw:
        raise ValueError("channel mismatch")
    if b is not None and (shape(b, 1) != [F]):
        raise ValueError("bad bias")
    if H + 2 * ph < KH or W + 2 * pw < KW:
        raise ValueError("no output")
    OH, OW = (H + 2 * ph - KH) // sh + 1, (W + 2 * pw - KW) // sw + 1
    out = []
    for n in range(N):
        maps = []
        for f in range(F):
            rows = []
            for i in range(OH):
                row = []
                for j in range(OW):
                    s = float(b[f]) if b is not None else 0.0
                    for c in range(C):
                        for p in range(KH):
                            r = i * sh + p - ph
                            if 0 <= r < H:
                                for q in range(KW):
                                    col = j * sw + q - pw
                                    if 0 <= col < W:
                                        s += x[n][c][r][col] * w[f][c][p][q]
                    row.append(math.fsum([s]))
                rows.append(row)
            maps.append(rows)
        out.append(maps)
    return out
