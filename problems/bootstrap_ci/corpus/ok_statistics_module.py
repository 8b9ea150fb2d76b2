# expect: accepted
# why: statistics.fmean / statistics.median on each resample, a generator of rng.choices resamples, sorted once
import math
import statistics
from numbers import Integral


def bootstrap_ci(values, statistic, n_resamples, confidence, rng):
    data = list(values)
    if not data:
        raise ValueError("values must not be empty")
    if not all(math.isfinite(x) for x in data):
        raise ValueError("values must be finite")
    funcs = {"mean": statistics.fmean, "median": statistics.median}
    if not isinstance(statistic, str):
        raise TypeError("statistic must be the name of a statistic")
    if statistic not in funcs:
        raise ValueError(f"statistic must be one of {sorted(funcs)}")
    if isinstance(n_resamples, bool) or not isinstance(n_resamples, Integral):
        raise TypeError("n_resamples must be an integer")
    if n_resamples <= 0:
        raise ValueError("n_resamples must be >= 1")
    if math.isnan(confidence) or confidence <= 0 or confidence >= 1:
        raise ValueError("confidence must be strictly between 0 and 1")

    n = len(data)
    f = funcs[statistic]
    boot = sorted(f(rng.choices(data, k=n)) for _ in range(n_resamples))

    def quantile(q):
        h = (n_resamples - 1) * q
        j = math.floor(h)
        upper = boot[min(j + 1, n_resamples - 1)]
        return boot[j] + (h - j) * (upper - boot[j])

    return quantile((1 - confidence) / 2), quantile((1 + confidence) / 2)
