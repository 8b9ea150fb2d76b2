# expect: accepted
# why: plain Python loops with math.exp/math.log, row by row, no NumPy at all
# time: O(n)
import math


def cross_entropy(logits, labels):
    try:
        rows = [[float(v) for v in r] for r in logits]
    except TypeError:
        raise ValueError("logits must be 2-D") from None
    if not rows:
        raise ValueError("no rows")
    c = len(rows[0])
    if c == 0 or any(len(r) != c for r in rows):
        raise ValueError("rows must have the same, non-zero length")
    labels = list(labels)
    if len(labels) != len(rows):
        raise ValueError("one label per row")
    ys = []
    for r, lab in zip(rows, labels):
        if any(math.isnan(v) or v == math.inf for v in r):
            raise ValueError("NaN or +inf")
        if all(v == -math.inf for v in r):
            raise ValueError("row of only -inf")
        if isinstance(lab, (list, tuple)):
            raise ValueError("labels must be flat")
        lab = float(lab)
        if not lab.is_integer() or not 0 <= lab < c:
            raise ValueError("bad label")
        if r[int(lab)] == -math.inf:
            raise ValueError("label on a -inf logit")
        ys.append(int(lab))
    n = len(rows)
    total = 0.0
    grad = []
    for r, y in zip(rows, ys):
        m = max(r)
        exps = [math.exp(v - m) for v in r]
        s = sum(exps)
        total += m + math.log(s) - r[y]
        g = [e / s / n for e in exps]
        g[y] -= 1.0 / n
        grad.append(g)
    return total / n, grad
