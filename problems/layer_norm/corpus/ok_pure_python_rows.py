# expect: accepted
# why: plain Python: flattens any shape into rows with a recursive walk, two passes per row, closed-form backward
# time: O(n)
import math


def _rows(x, d, name):
    """The vectors of x along its last axis, and its shape; ValueError if x is not a proper array."""
    if isinstance(x, (int, float)):
        raise ValueError(f"{name} must have at least one axis")
    x = list(x)
    if not x:
        raise ValueError(f"{name} has an empty axis")
    if all(isinstance(v, (int, float)) for v in x):
        vec = [float(v) for v in x]
        if len(vec) != d or not all(math.isfinite(v) for v in vec):
            raise ValueError(f"bad vector in {name}")
        return [vec], (d,)
    if any(isinstance(v, (int, float)) for v in x):
        raise ValueError(f"{name} is ragged")
    parts = [_rows(part, d, name) for part in x]
    inner = parts[0][1]
    if any(p[1] != inner for p in parts):
        raise ValueError(f"{name} is ragged")
    return [r for p in parts for r in p[0]], (len(x),) + inner


def _nest(rows, shape):
    if len(shape) == 1:
        return rows[0]
    step = len(rows) // shape[0]
    return [_nest(rows[i * step:(i + 1) * step], shape[1:]) for i in range(shape[0])]


class LayerNorm:
    def __init__(self, gamma, beta, eps=1e-5):
        try:
            gamma, beta = list(gamma), list(beta)
        except TypeError:
            raise ValueError("gamma and beta must be vectors") from None
        if not all(isinstance(v, (int, float)) for v in gamma + beta):
            raise ValueError("gamma and beta must be flat vectors of numbers")
        gamma, beta = [float(v) for v in gamma], [float(v) for v in beta]
        if not gamma or len(gamma) != len(beta):
            raise ValueError("gamma and beta: non-empty vectors of one length")
        if not all(math.isfinite(v) for v in gamma + beta):
            raise ValueError("gamma and beta must be finite")
        if isinstance(eps, bool) or not isinstance(eps, (int, float)) or not math.isfinite(eps) or eps <= 0:
            raise ValueError("eps must be > 0")
        self.gamma, self.beta, self.eps = gamma, beta, float(eps)
        self.saved = None
        self.dgamma = self.dbeta = None

    def forward(self, x):
        try:
            rows, shape = _rows(x, len(self.gamma), "x")
        except TypeError:
            raise ValueError("x must be numbers") from None
        out, xhats, stds = [], [], []
        for r in rows:
            mu = sum(r) / len(r)
            var = sum((v - mu) ** 2 for v in r) / len(r)
            std = math.sqrt(var + self.eps)
            xh = [(v - mu) / std for v in r]
            xhats.append(xh)
            stds.append(std)
            out.append([h * g + b for h, g, b in zip(xh, self.gamma, self.beta)])
        self.saved = (xhats, stds, shape)
        return _nest(out, shape)

    def backward(self, dy):
        if self.saved is None:
            raise RuntimeError("backward before forward")
        xhats, stds, shape = self.saved
        try:
            drows, dshape = _rows(dy, len(self.gamma), "dy")
        except TypeError:
            raise ValueError("dy must be numbers") from None
        if dshape != shape:
            raise ValueError("dy must have the shape of x")
        d = len(self.gamma)
        dgamma, dbeta, dx = [0.0] * d, [0.0] * d, []
        for xh, std, dr in zip(xhats, stds, drows):
            g = [a * b for a, b in zip(dr, self.gamma)]
            mg = sum(g) / d
            mgx = sum(a * h for a, h in zip(g, xh)) / d
            dx.append([(a - mg - h * mgx) / std for a, h in zip(g, xh)])
            for j in range(d):
                dgamma[j] += dr[j] * xh[j]
                dbeta[j] += dr[j]
        self.dgamma, self.dbeta = dgamma, dbeta
        return _nest(dx, shape)
