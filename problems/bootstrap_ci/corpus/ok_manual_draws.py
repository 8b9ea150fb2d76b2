# expect: accepted
# why: draws each index as int(rng.random() * n), which is exactly what rng.choices does; sum / n for the mean
# time: O(n)
import math


def _median(xs):
    xs = sorted(xs)
    n = len(xs)
    if n % 2:
        return xs[n // 2]
    return (xs[n // 2 - 1] + xs[n // 2]) / 2


def bootstrap_ci(values, statistic, n_resamples, confidence, rng):
    if len(values) == 0 or any(x != x or x in (math.inf, -math.inf) for x in values):
        raise ValueError("values must be a non-empty list of finite numbers")
    if type(statistic) is not str:
        raise TypeError("statistic")
    if statistic != "mean" and statistic != "median":
        raise ValueError("statistic")
    if isinstance(n_resamples, bool) or not isinstance(n_resamples, int):
        raise TypeError("n_resamples")
    if n_resamples < 1:
        raise ValueError("n_resamples")
    if not 0.0 < confidence < 1.0:
        raise ValueError("confidence")
    n = len(values)
    random = rng.random
    results = []
    for _ in range(n_resamples):
        sample = [values[int(random() * n)] for _ in range(n)]
        results.append(sum(sample) / n if statistic == "mean" else _median(sample))
    results.sort()
    B = len(results)
    ends = []
    for q in ((1 - confidence) / 2, (1 + confidence) / 2):
        h = (B - 1) * q
        j = int(h)
        frac = h - j
        ends.append(results[j] if j == B - 1 else results[j] * (1 - frac) + results[j + 1] * frac)
    return tuple(ends)
