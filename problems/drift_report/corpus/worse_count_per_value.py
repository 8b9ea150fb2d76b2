# expect: time_limit_exceeded
# why: the pure-Python version, but each CDF value counts the sample again: for every distinct x,
#   sum(v <= x for v in sample) is O(n * distinct values), 4e10 steps on 200,000 values each
# time: O(n^2)
import bisect
import math


def _clean(values, name):
    if hasattr(values, "ndim"):  # a NumPy array, though this file never imports NumPy
        if values.ndim != 1:
            raise ValueError(f"{name} must be 1-D")
        values = values.tolist()
    if not isinstance(values, (list, tuple)):
        raise TypeError(f"{name} must be a sequence")
    if len(values) == 0:
        raise ValueError(f"{name} is empty")
    out = []
    for v in values:
        if isinstance(v, (list, tuple)):
            raise ValueError(f"{name} must be 1-D")
        if isinstance(v, bool) or not isinstance(v, (int, float)):
            try:
                v = float(v)  # NumPy scalars
            except (TypeError, ValueError):
                raise TypeError(f"{name} holds {v!r}") from None
        if not math.isfinite(v):
            raise ValueError(f"{name} holds a non-finite value")
        out.append(v)
    return sorted(out)


def drift_report(reference, current, bins=10):
    if isinstance(bins, bool) or not hasattr(bins, "__index__"):
        raise TypeError("bins must be an int")
    bins = bins.__index__()
    if bins < 1:
        raise ValueError("bins must be >= 1")
    ref = _clean(reference, "reference")
    cur = _clean(current, "current")
    n, m = len(ref), len(cur)

    edges = []
    for k in range(1, bins):
        lo, rem = divmod((n - 1) * k, bins)
        frac = rem / bins
        edges.append(ref[lo] if rem == 0 else ref[lo] + (ref[lo + 1] - ref[lo]) * frac)

    def shares(sample):
        counts = [0] * bins
        for v in sample:
            counts[bisect.bisect_right(edges, v)] += 1
        return [max(c / len(sample), 1e-4) for c in counts]

    psi = sum((c - r) * math.log(c / r) for r, c in zip(shares(ref), shares(cur)))

    ks = 0.0
    for x in set(ref) | set(cur):
        ks = max(ks, abs(sum(v <= x for v in ref) / n - sum(v <= x for v in cur) / m))
    return {"psi": psi, "ks": ks}
