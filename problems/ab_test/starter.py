"""ab_test: the two-proportion z-test of an A/B experiment and its sample size (`judge show ab_test`).

two_proportion_ztest returns a dict with the keys "diff" (p_b - p_a), "z" (pooled
standard error), "p_value" (two-sided), "ci_low" / "ci_high" (the Wald interval of
p_b - p_a, unpooled standard error, level 1 - alpha) and "significant"
(p_value < alpha); a pooled standard error of 0 gives z = 0 and p_value = 1.

sample_size_per_group returns the smallest n per group whose two-sided test at
level alpha detects p_base -> p_base + mde with the given power.

ValueError / TypeError for bad input as the statement lists. Standard library
only: statistics.NormalDist has the normal CDF and its inverse.
"""


# Your complexity: replace each ? with yours, e.g. O(n log n); the report checks it.
# time: O(?)
# memory: O(?)
def two_proportion_ztest(successes_a: int, n_a: int, successes_b: int, n_b: int, alpha: float = 0.05) -> dict:
    raise NotImplementedError


def sample_size_per_group(p_base: float, mde: float, alpha: float = 0.05, power: float = 0.8) -> int:
    raise NotImplementedError
