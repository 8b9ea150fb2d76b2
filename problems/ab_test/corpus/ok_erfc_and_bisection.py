# expect: accepted
# why: normal tail from math.erfc; the sample size by doubling then bisecting on the power, O(log n)
import math
from statistics import NormalDist


def _phi_tail(x):
    return 0.5 * math.erfc(x / math.sqrt(2))


def two_proportion_ztest(successes_a, n_a, successes_b, n_b, alpha=0.05):
    counts = (successes_a, n_a, successes_b, n_b)
    if any(isinstance(c, bool) or not isinstance(c, int) for c in counts):
        raise TypeError("counts must be integers")
    if min(n_a, n_b) < 1 or not (0 <= successes_a <= n_a and 0 <= successes_b <= n_b):
        raise ValueError("impossible counts")
    if not (0 < alpha < 1):
        raise ValueError("alpha")
    total = n_a + n_b
    pooled = (successes_a + successes_b) / total
    var_pooled = pooled * (1 - pooled) * total / (n_a * n_b)
    rate_a, rate_b = successes_a / n_a, successes_b / n_b
    diff = rate_b - rate_a
    if var_pooled <= 0:
        z, p_value = 0.0, 1.0
    else:
        z = diff / math.sqrt(var_pooled)
        p_value = min(1.0, 2 * _phi_tail(abs(z)))
    half = NormalDist().inv_cdf(1 - alpha / 2) * math.sqrt(rate_a * (1 - rate_a) / n_a + rate_b * (1 - rate_b) / n_b)
    return dict(diff=diff, z=z, p_value=p_value, ci_low=diff - half, ci_high=diff + half,
                significant=bool(p_value < alpha))


def sample_size_per_group(p_base, mde, alpha=0.05, power=0.8):
    for level in (p_base, alpha, power):
        if not (0 < level < 1):
            raise ValueError("levels must be in (0, 1)")
    if math.isnan(mde) or mde == 0 or not (0 < p_base + mde < 1):
        raise ValueError("mde")
    p1, p2 = p_base, p_base + mde
    mid = (p1 + p2) / 2
    z_alpha = NormalDist().inv_cdf(1 - alpha / 2)
    z_beta = NormalDist().inv_cdf(power)
    null_sd = math.sqrt(2 * mid * (1 - mid))
    alt_sd = math.sqrt(p1 * (1 - p1) + p2 * (1 - p2))

    def enough(n):  # the same inequality as the closed form, n * mde**2 >= (...)**2
        return n * mde * mde >= (z_alpha * null_sd + z_beta * alt_sd) ** 2

    hi = 1
    while not enough(hi):
        hi *= 2
    lo = hi // 2  # not enough(lo) unless lo == 0
    while hi - lo > 1:
        m = (lo + hi) // 2
        if enough(m):
            hi = m
        else:
            lo = m
    return hi
