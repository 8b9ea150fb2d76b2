# expect: forbidden_import
# why: np.percentile over the bootstrap statistics: the problem allows the standard library only
import numpy as np


def bootstrap_ci(values, statistic, n_resamples, confidence, rng):
    n = len(values)
    f = np.mean if statistic == "mean" else np.median
    stats = [f(rng.choices(values, k=n)) for _ in range(n_resamples)]
    low, high = np.percentile(stats, [50 * (1 - confidence), 50 * (1 + confidence)])
    return float(low), float(high)
