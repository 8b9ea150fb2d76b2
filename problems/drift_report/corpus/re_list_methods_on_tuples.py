# expect: runtime_error
# why: copies the samples with .copy() and sorts with .sort(): fine for lists, AttributeError for tuples
import bisect
import math


def drift_report(reference, current, bins=10):
    if isinstance(bins, bool) or not isinstance(bins, int):
        raise TypeError("bins must be an int")
    if bins < 1:
        raise ValueError("bins must be >= 1")
    if hasattr(reference, "tolist"):
        reference = reference.tolist()
    if hasattr(current, "tolist"):
        current = current.tolist()
    ref = reference.copy()
    cur = current.copy()
    for name, sample in (("reference", ref), ("current", cur)):
        if not sample:
            raise ValueError(f"{name} is empty")
        for v in sample:
            if isinstance(v, list):
                raise ValueError("1-D only")
            if not isinstance(v, (int, float)) or isinstance(v, bool):
                raise TypeError("not a number")
            if not math.isfinite(v):
                raise ValueError("not finite")
    ref.sort()
    cur.sort()
    n, m = len(ref), len(cur)
    edges = []
    for k in range(1, bins):
        pos = (n - 1) * k / bins
        lo = int(pos)
        edges.append(ref[lo] + (ref[min(lo + 1, n - 1)] - ref[lo]) * (pos - lo))
    r = [0] * bins
    c = [0] * bins
    for v in ref:
        r[bisect.bisect_right(edges, v)] += 1
    for v in cur:
        c[bisect.bisect_right(edges, v)] += 1
    psi = 0.0
    for a, b in zip(r, c):
        a, b = max(a / n, 1e-4), max(b / m, 1e-4)
        psi += (b - a) * math.log(b / a)
    ks = max(abs(bisect.bisect_right(ref, x) / n - bisect.bisect_right(cur, x) / m) for x in set(ref) | set(cur))
    return {"psi": psi, "ks": ks}
