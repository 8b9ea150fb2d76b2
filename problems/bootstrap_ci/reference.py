"""Reference for bootstrap_ci: the percentile bootstrap, draws pinned to rng.choices.

Each resample is `rng.choices(values, k=n)`, in order, so the resamples (and
the interval) are reproducible; the interval's ends are NumPy's default
"linear" percentiles of the sorted bootstrap statistics.
"""

from __future__ import annotations

import math
import random
from numbers import Integral, Real

STATISTICS = ("mean", "median")


def bootstrap_ci(values, statistic: str, n_resamples: int, confidence: float,
                 rng: random.Random) -> tuple[float, float]:
    data = _checked_values(values)
    if not isinstance(statistic, str):
        raise TypeError(f"statistic must be a str, got {statistic!r}")
    if statistic not in STATISTICS:
        raise ValueError(f"statistic must be one of {STATISTICS}, got {statistic!r}")
    if isinstance(n_resamples, bool) or not isinstance(n_resamples, Integral):
        raise TypeError(f"n_resamples must be an int, got {n_resamples!r}")
    if n_resamples < 1:
        raise ValueError(f"n_resamples must be at least 1, got {n_resamples}")
    if isinstance(confidence, bool) or not isinstance(confidence, Real):
        raise TypeError(f"confidence must be a real number, got {confidence!r}")
    if not 0 < confidence < 1:
        raise ValueError(f"confidence must be in (0, 1), got {confidence}")

    n = len(data)
    compute = _mean if statistic == "mean" else _median
    stats = sorted(compute(rng.choices(data, k=n)) for _ in range(n_resamples))
    return _percentile(stats, (1 - confidence) / 2), _percentile(stats, (1 + confidence) / 2)


def _checked_values(values) -> list:
    if isinstance(values, (str, bytes)) or not hasattr(values, "__iter__"):
        raise TypeError("values must be a list of numbers")
    data = list(values)
    for position, value in enumerate(data):
        if isinstance(value, bool) or not isinstance(value, Real):
            raise TypeError(f"value {position} is not a real number: {value!r}")
        if not math.isfinite(value):
            raise ValueError(f"value {position} is {value}: values must be finite")
    if not data:
        raise ValueError("values is empty")
    return data


def _mean(sample: list) -> float:
    return math.fsum(sample) / len(sample)


def _median(sample: list) -> float:
    ordered = sorted(sample)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return float(ordered[middle])
    return (ordered[middle - 1] + ordered[middle]) / 2


def _percentile(ordered: list[float], q: float) -> float:
    """NumPy's default ("linear") percentile of sorted values: position (B - 1) * q, interpolated."""
    h = (len(ordered) - 1) * q
    j = math.floor(h)
    if j + 1 >= len(ordered):
        return float(ordered[-1])
    return ordered[j] + (h - j) * (ordered[j + 1] - ordered[j])
