# expect: runtime_error
# why: pure Python, loss = -math.log(p[label]): with logits of +-1e4 p underflows to 0.0 and math.log raises "math domain error"
import math


def cross_entropy(logits, labels):
    rows = [[float(v) for v in r] for r in logits]
    labels = list(labels)
    if not rows or not rows[0] or any(len(r) != len(rows[0]) for r in rows) or len(labels) != len(rows):
        raise ValueError("bad shapes")
    c, n = len(rows[0]), len(rows)
    for r, y in zip(rows, labels):
        if any(math.isnan(v) or v == math.inf for v in r) or all(v == -math.inf for v in r):
            raise ValueError("bad logits")
        if not float(y).is_integer() or not 0 <= y < c or r[int(y)] == -math.inf:
            raise ValueError("bad label")
    total, grad = 0.0, []
    for r, y in zip(rows, labels):
        m = max(r)
        e = [math.exp(v - m) for v in r]
        s = sum(e)
        p = [v / s for v in e]
        total -= math.log(p[int(y)])
        g = [v / n for v in p]
        g[int(y)] -= 1 / n
        grad.append(g)
    return total / n, grad
