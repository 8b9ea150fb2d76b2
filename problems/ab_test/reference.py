"""Reference for ab_test: the pooled two-proportion z-test, the Wald interval, and the sample size.

statistics.NormalDist gives the normal CDF and its inverse; the p-value is
computed as 2 * cdf(-|z|), which keeps its precision in the far tail.
"""

from __future__ import annotations

import math
from numbers import Integral, Real
from statistics import NormalDist

_NORMAL = NormalDist()


def two_proportion_ztest(successes_a: int, n_a: int, successes_b: int, n_b: int, alpha: float = 0.05) -> dict:
    for name, value in (("successes_a", successes_a), ("n_a", n_a), ("successes_b", successes_b), ("n_b", n_b)):
        if isinstance(value, bool) or not isinstance(value, Integral):
            raise TypeError(f"{name} must be an int, got {value!r}")
    if n_a < 1 or n_b < 1:
        raise ValueError("each group needs at least one trial")
    if not 0 <= successes_a <= n_a or not 0 <= successes_b <= n_b:
        raise ValueError("successes must be between 0 and the group's number of trials")
    _check_probability("alpha", alpha)

    p_a, p_b = successes_a / n_a, successes_b / n_b
    diff = p_b - p_a
    pooled = (successes_a + successes_b) / (n_a + n_b)
    se_pooled = math.sqrt(pooled * (1 - pooled) * (1 / n_a + 1 / n_b))
    if se_pooled == 0:
        z, p_value = 0.0, 1.0
    else:
        z = diff / se_pooled
        p_value = 2 * _NORMAL.cdf(-abs(z))
    se = math.sqrt(p_a * (1 - p_a) / n_a + p_b * (1 - p_b) / n_b)
    half_width = _NORMAL.inv_cdf(1 - alpha / 2) * se
    return {
        "diff": diff,
        "z": z,
        "p_value": p_value,
        "ci_low": diff - half_width,
        "ci_high": diff + half_width,
        "significant": p_value < alpha,
    }


def sample_size_per_group(p_base: float, mde: float, alpha: float = 0.05, power: float = 0.8) -> int:
    _check_probability("p_base", p_base)
    if isinstance(mde, bool) or not isinstance(mde, Real):
        raise TypeError(f"mde must be a real number, got {mde!r}")
    if math.isnan(mde) or mde == 0 or not 0 < p_base + mde < 1:
        raise ValueError("mde must be nonzero and p_base + mde must lie in (0, 1)")
    _check_probability("alpha", alpha)
    _check_probability("power", power)

    p1, p2 = p_base, p_base + mde
    p_bar = (p1 + p2) / 2
    z_alpha = _NORMAL.inv_cdf(1 - alpha / 2)
    z_beta = _NORMAL.inv_cdf(power)
    root = z_alpha * math.sqrt(2 * p_bar * (1 - p_bar)) + z_beta * math.sqrt(p1 * (1 - p1) + p2 * (1 - p2))
    return max(1, math.ceil(root * root / (mde * mde)))


def _check_probability(name: str, value) -> None:
    if isinstance(value, bool) or not isinstance(value, Real):
        raise TypeError(f"{name} must be a real number, got {value!r}")
    if not 0 < value < 1:
        raise ValueError(f"{name} must be in (0, 1), got {value}")
