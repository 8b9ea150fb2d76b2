# expect: accepted
# why: plain Python lists and loops, one row at a time, gradients accumulated row by row
# time: O(n)
import math


def _matrix(value, name):
    try:
        rows = [list(r) for r in value]
    except TypeError:
        raise ValueError(f"{name} must be a matrix") from None
    if not all(isinstance(v, (int, float)) for r in rows for v in r):
        raise ValueError(f"{name} must be a matrix of numbers")
    rows = [[float(v) for v in r] for r in rows]
    if not rows or not rows[0] or any(len(r) != len(rows[0]) for r in rows):
        raise ValueError(f"{name} must be a non-empty rectangle")
    if not all(math.isfinite(v) for r in rows for v in r):
        raise ValueError(f"{name} must be finite")
    return rows


def _vector(value, name):
    try:
        vec = list(value)
    except TypeError:
        raise ValueError(f"{name} must be a vector") from None
    if not all(isinstance(v, (int, float)) for v in vec):
        raise ValueError(f"{name} must be a vector of numbers")
    vec = [float(v) for v in vec]
    if not vec or not all(math.isfinite(v) for v in vec):
        raise ValueError(f"{name} must be a non-empty finite vector")
    return vec


def _rate(value, name):
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value) or value < 0:
        raise ValueError(f"{name} must be finite and >= 0")
    return float(value)


class TwoLayerMLP:
    def __init__(self, W1, b1, W2, b2):
        self.W1, self.b1 = _matrix(W1, "W1"), _vector(b1, "b1")
        self.W2, self.b2 = _matrix(W2, "W2"), _vector(b2, "b2")
        h = len(self.W1[0])
        if len(self.b1) != h or len(self.W2) != h or len(self.b2) != len(self.W2[0]):
            raise ValueError("shapes do not chain")

    def loss_and_grads(self, X, y, l2=0.0):
        X = _matrix(X, "X")
        d, h, c = len(self.W1), len(self.b1), len(self.b2)
        if len(X[0]) != d:
            raise ValueError("X has the wrong width")
        labels = list(y)
        if len(labels) != len(X):
            raise ValueError("one label per row")
        for i, lab in enumerate(labels):
            if isinstance(lab, (list, tuple)):
                raise ValueError("labels must be flat")
            lab = float(lab)
            if not (lab.is_integer() and 0 <= lab < c):
                raise ValueError("bad label")
            labels[i] = int(lab)
        l2 = _rate(l2, "l2")
        n = len(X)
        dW1 = [[0.0] * h for _ in range(d)]
        db1 = [0.0] * h
        dW2 = [[0.0] * c for _ in range(h)]
        db2 = [0.0] * c
        total = 0.0
        for x, lab in zip(X, labels):
            pre = [self.b1[k] + sum(x[m] * self.W1[m][k] for m in range(d)) for k in range(h)]
            hid = [p if p > 0 else 0.0 for p in pre]
            s = [self.b2[j] + sum(hid[k] * self.W2[k][j] for k in range(h)) for j in range(c)]
            top = max(s)
            ex = [math.exp(v - top) for v in s]
            z = sum(ex)
            total += math.log(z) + top - s[lab]
            ds = [ex[j] / z / n for j in range(c)]
            ds[lab] -= 1.0 / n
            for j in range(c):
                db2[j] += ds[j]
                for k in range(h):
                    dW2[k][j] += hid[k] * ds[j]
            for k in range(h):
                if pre[k] > 0:
                    g = sum(ds[j] * self.W2[k][j] for j in range(c))
                    db1[k] += g
                    for m in range(d):
                        dW1[m][k] += x[m] * g
        penalty = sum(w * w for r in self.W1 for w in r) + sum(w * w for r in self.W2 for w in r)
        for m in range(d):
            for k in range(h):
                dW1[m][k] += l2 * self.W1[m][k]
        for k in range(h):
            for j in range(c):
                dW2[k][j] += l2 * self.W2[k][j]
        return total / n + 0.5 * l2 * penalty, {"W1": dW1, "b1": db1, "W2": dW2, "b2": db2}

    def step(self, grads, lr):
        lr = _rate(lr, "lr")
        if not isinstance(grads, dict) or not all(k in grads for k in ("W1", "b1", "W2", "b2")):
            raise ValueError("grads must hold W1, b1, W2, b2")
        gW1, gW2 = _matrix(grads["W1"], "W1"), _matrix(grads["W2"], "W2")
        gb1, gb2 = _vector(grads["b1"], "b1"), _vector(grads["b2"], "b2")
        if (len(gW1), len(gW1[0])) != (len(self.W1), len(self.W1[0])) or len(gb1) != len(self.b1) \
                or (len(gW2), len(gW2[0])) != (len(self.W2), len(self.W2[0])) or len(gb2) != len(self.b2):
            raise ValueError("gradient shapes differ from the parameters'")
        self.W1 = [[w - lr * g for w, g in zip(wr, gr)] for wr, gr in zip(self.W1, gW1)]
        self.b1 = [w - lr * g for w, g in zip(self.b1, gb1)]
        self.W2 = [[w - lr * g for w, g in zip(wr, gr)] for wr, gr in zip(self.W2, gW2)]
        self.b2 = [w - lr * g for w, g in zip(self.b2, gb2)]
