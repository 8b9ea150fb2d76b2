# expect: accepted
# why: the staged computational graph of the lecture notes: dxhat, dvar, dmean, then dx, on the original shape with axis=-1
import numpy as np


class LayerNorm:
    def __init__(self, gamma, beta, eps=1e-5):
        g = np.asarray(gamma, dtype=np.float64)
        b = np.asarray(beta, dtype=np.float64)
        if g.ndim != 1 or b.ndim != 1 or len(g) == 0 or len(g) != len(b):
            raise ValueError("gamma/beta shape")
        if not np.all(np.isfinite(g)) or not np.all(np.isfinite(b)):
            raise ValueError("gamma/beta values")
        eps_f = float(eps)
        if not np.isfinite(eps_f) or eps_f <= 0:
            raise ValueError("eps")
        self.g, self.b, self.eps = g.copy(), b.copy(), eps_f
        self._c = None

    def forward(self, x):
        try:
            x = np.array(x, dtype=np.float64)
        except ValueError:
            raise
        except TypeError as e:
            raise ValueError(str(e)) from e
        if x.ndim < 1 or 0 in x.shape or x.shape[-1] != len(self.g) or not np.all(np.isfinite(x)):
            raise ValueError("x")
        mu = np.mean(x, axis=-1, keepdims=True)
        xc = x - mu
        var = np.mean(xc ** 2, axis=-1, keepdims=True)
        ivar = 1.0 / np.sqrt(var + self.eps)
        xhat = xc * ivar
        self._c = (xc, ivar, xhat)
        return self.g * xhat + self.b

    def backward(self, dy):
        if self._c is None:
            raise RuntimeError("no forward")
        dy = np.array(dy, dtype=np.float64)
        xc, ivar, xhat = self._c
        if dy.shape != xc.shape or not np.all(np.isfinite(dy)):
            raise ValueError("dy")
        d = xc.shape[-1]
        axes = tuple(range(dy.ndim - 1))
        self.dbeta = np.sum(dy, axis=axes)
        self.dgamma = np.sum(dy * xhat, axis=axes)
        dxhat = dy * self.g
        dvar = np.sum(dxhat * xc, axis=-1, keepdims=True) * -0.5 * ivar ** 3
        dmu = -np.sum(dxhat * ivar, axis=-1, keepdims=True) - 2.0 * dvar * np.mean(xc, axis=-1, keepdims=True)
        return dxhat * ivar + dvar * 2.0 * xc / d + dmu / d
