# expect: wrong_answer
# why: normalises the caller's list to floats in place before resampling: the answer is right, the argument is modified
import math


def bootstrap_ci(values, statistic, n_resamples, confidence, rng):
    if not isinstance(statistic, str):
        raise TypeError("statistic must be a string")
    if statistic not in ("mean", "median"):
        raise ValueError("unknown statistic")
    if type(n_resamples) is not int:
        raise TypeError("n_resamples must be an int")
    if n_resamples < 1:
        raise ValueError("n_resamples must be positive")
    if not (0 < confidence < 1):
        raise ValueError("confidence must be in (0, 1)")
    if len(values) == 0:
        raise ValueError("no values")
    for v in values:
        if math.isnan(v) or math.isinf(v):
            raise ValueError("values must be finite")

    for i, v in enumerate(values):
        values[i] = float(v)
    n = len(values)
    stats = []
    for _ in range(n_resamples):
        sample = rng.choices(values, k=n)
        if statistic == "mean":
            stats.append(math.fsum(sample) / n)
        else:
            sample.sort()
            mid = n // 2
            stats.append(sample[mid] if n % 2 == 1 else (sample[mid - 1] + sample[mid]) / 2)
    stats.sort()

    def percentile(q):
        pos = (len(stats) - 1) * q
        lo = int(pos)
        if lo >= len(stats) - 1:
            return stats[-1]
        return stats[lo] + (pos - lo) * (stats[lo + 1] - stats[lo])

    alpha = 1 - confidence
    return (percentile(alpha / 2), percentile(1 - alpha / 2))
