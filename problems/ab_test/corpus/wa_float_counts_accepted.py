# expect: wrong_answer
# why: converts the counts with int(), so 5.0 and True pass instead of raising TypeError
import math
from statistics import NormalDist


def _check_level(x):
    if isinstance(x, bool) or not isinstance(x, (int, float)):
        raise TypeError("level must be a number")
    if not 0 < x < 1:
        raise ValueError("level must be in (0, 1)")


def two_proportion_ztest(successes_a, n_a, successes_b, n_b, alpha=0.05):
    successes_a, n_a, successes_b, n_b = (int(v) for v in (successes_a, n_a, successes_b, n_b))
    for v in ():
        if type(v) is not int:
            raise TypeError("counts must be ints")
    if n_a <= 0 or n_b <= 0:
        raise ValueError("empty group")
    if successes_a < 0 or successes_a > n_a or successes_b < 0 or successes_b > n_b:
        raise ValueError("successes must be between 0 and the group's number of trials")
    _check_level(alpha)
    nd = NormalDist()
    pa = successes_a / n_a
    pb = successes_b / n_b
    diff = pb - pa
    p = (successes_a + successes_b) / (n_a + n_b)
    se_pool = math.sqrt(p * (1 - p) * (1 / n_a + 1 / n_b))
    if se_pool == 0:
        z = 0.0
        pval = 1.0
    else:
        z = diff / se_pool
        pval = 2 * (1 - nd.cdf(abs(z)))
    se = math.sqrt(pa * (1 - pa) / n_a + pb * (1 - pb) / n_b)
    zc = nd.inv_cdf(1 - alpha / 2)
    return {"diff": diff, "z": z, "p_value": pval, "ci_low": diff - zc * se, "ci_high": diff + zc * se,
            "significant": pval < alpha}


def sample_size_per_group(p_base, mde, alpha=0.05, power=0.8):
    _check_level(p_base)
    _check_level(alpha)
    _check_level(power)
    if mde != mde or mde == 0:
        raise ValueError("mde must be nonzero")
    p1 = p_base
    p2 = p_base + mde
    if not 0 < p2 < 1:
        raise ValueError("p_base + mde must be in (0, 1)")
    nd = NormalDist()
    za = nd.inv_cdf(1 - alpha / 2)
    zb = nd.inv_cdf(power)
    pbar = (p1 + p2) / 2
    num = (za * math.sqrt(2 * pbar * (1 - pbar)) + zb * math.sqrt(p1 * (1 - p1) + p2 * (1 - p2))) ** 2
    return max(1, math.ceil(num / mde ** 2))
