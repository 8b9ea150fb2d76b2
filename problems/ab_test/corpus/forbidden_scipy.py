# expect: forbidden_import
# why: scipy.stats.norm for the tail and the quantile: the problem allows the standard library only
import math

from scipy.stats import norm


def two_proportion_ztest(successes_a, n_a, successes_b, n_b, alpha=0.05):
    pa, pb = successes_a / n_a, successes_b / n_b
    p = (successes_a + successes_b) / (n_a + n_b)
    se = math.sqrt(p * (1 - p) * (1 / n_a + 1 / n_b))
    z = (pb - pa) / se if se else 0.0
    pv = 2 * norm.sf(abs(z))
    h = norm.ppf(1 - alpha / 2) * math.sqrt(pa * (1 - pa) / n_a + pb * (1 - pb) / n_b)
    return {"diff": pb - pa, "z": z, "p_value": pv, "ci_low": pb - pa - h, "ci_high": pb - pa + h,
            "significant": pv < alpha}


def sample_size_per_group(p_base, mde, alpha=0.05, power=0.8):
    p2 = p_base + mde
    pbar = (p_base + p2) / 2
    r = norm.ppf(1 - alpha / 2) * math.sqrt(2 * pbar * (1 - pbar)) + norm.ppf(power) * math.sqrt(
        p_base * (1 - p_base) + p2 * (1 - p2))
    return math.ceil(r * r / mde**2)
