"""bootstrap_ci: percentile bootstrap confidence interval of a mean or a median (`judge show bootstrap_ci`).

- Resample b (b = 1 .. n_resamples, in order) is rng.choices(values, k=len(values));
  nothing else is drawn from rng.
- Compute the statistic ("mean" or "median") of every resample, sort them, and
  return (low, high): their linear-interpolated percentiles at (1 - confidence) / 2
  and (1 + confidence) / 2 (NumPy's default percentile method).
- ValueError / TypeError for bad input as the statement lists. Standard library only.
"""

import random


# Your complexity: replace each ? with yours, e.g. O(n log n); the report checks it.
# time: O(?)
# memory: O(?)
def bootstrap_ci(values: list[float], statistic: str, n_resamples: int, confidence: float,
                 rng: random.Random) -> tuple[float, float]:
    raise NotImplementedError
