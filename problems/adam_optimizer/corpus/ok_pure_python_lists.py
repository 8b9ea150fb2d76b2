# expect: accepted
# why: plain Python: parameters flattened to lists of floats, moments as lists, math.sqrt per element, reshaped back
import math


def _flatten(x):
    if hasattr(x, "tolist"):
        x = x.tolist()
    if isinstance(x, (list, tuple)):
        shape, flat = None, []
        for item in x:
            s, f = _flatten(item)
            if shape is not None and s != shape:
                raise ValueError("ragged")
            shape = s
            flat.extend(f)
        return (len(x),) + (shape or ()), flat
    return (), [float(x)]


def _rebuild(shape, flat):
    if len(shape) <= 1:
        return list(flat) if shape else flat[0]
    size = len(flat) // shape[0]
    return [_rebuild(shape[1:], flat[k * size:(k + 1) * size]) for k in range(shape[0])]


class Adam:
    def __init__(self, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8, weight_decay=0.0, decoupled=True):
        ok = all(math.isfinite(v) for v in (lr, beta1, beta2, eps, weight_decay))
        if not ok or lr < 0 or eps < 0 or weight_decay < 0 or not 0 <= beta1 < 1 or not 0 <= beta2 < 1:
            raise ValueError("invalid hyperparameter")
        self.lr, self.b1, self.b2, self.eps = lr, beta1, beta2, eps
        self.wd, self.decoupled = weight_decay, decoupled
        self.t = 0
        self.shapes = None
        self.m = self.v = None

    def step(self, params, grads):
        if len(params) != len(grads):
            raise ValueError("one gradient per parameter")
        ps = [_flatten(p) for p in params]
        gs = [_flatten(g) for g in grads]
        shapes = [s for s, _ in ps]
        if shapes != [s for s, _ in gs]:
            raise ValueError("gradient shapes differ")
        if self.shapes is None:
            self.shapes = shapes
            self.m = [[0.0] * len(f) for _, f in ps]
            self.v = [[0.0] * len(f) for _, f in ps]
        elif shapes != self.shapes:
            raise ValueError("parameter shapes changed")
        self.t += 1
        c1 = 1 - self.b1 ** self.t
        c2 = 1 - self.b2 ** self.t
        result = []
        for (shape, p), (_, g), m, v in zip(ps, gs, self.m, self.v):
            new = []
            for j in range(len(p)):
                grad = g[j] + (0.0 if self.decoupled else self.wd * p[j])
                m[j] = self.b1 * m[j] + (1 - self.b1) * grad
                v[j] = self.b2 * v[j] + (1 - self.b2) * grad * grad
                update = self.lr * (m[j] / c1) / (math.sqrt(v[j] / c2) + self.eps)
                decayed = p[j] - self.lr * self.wd * p[j] if self.decoupled else p[j]
                new.append(decayed - update)
            result.append(_rebuild(shape, new))
        return result
