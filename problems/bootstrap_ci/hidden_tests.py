"""Hidden tests for bootstrap_ci.

The draws are part of the contract (resample b is rng.choices(values, k=n), in
order), so every interval is checked exactly: the oracle redraws the same
resamples from its own random.Random(seed), computes every mean and median as
a Fraction (no rounding at all), sorts them and interpolates NumPy's "linear"
percentile in Fractions. A solution is compared with it within
1e-9 * (1 + max |value|): far above float64 rounding of a mean of at most
20 000 values, far below any difference a wrong rule makes (the wrong
percentile conventions, medians and draws of the corpus are off by 1e-3 of
the data's scale or more on these inputs).

Beyond the oracle: low <= high, a shift of every value shifts the interval
(integers, so exactly), the same seed gives the same interval, and the
arguments are left unchanged.
"""

from __future__ import annotations

import math
import random
from fractions import Fraction

import pytest
from hypothesis import given, strategies as st

from judge.testing import Rng, call_and_arguments, category, expect, expect_raises, fail, kept

REL_TOLERANCE = 1e-9
LARGE_N, LARGE_B = 20_000, 500

seeds = st.integers(min_value=0, max_value=2**32 - 1)
small_ints = st.lists(st.integers(min_value=-5, max_value=5), min_size=1, max_size=12)
any_values = st.lists(
    st.one_of(st.integers(min_value=-10**6, max_value=10**6),
              st.floats(min_value=-1e6, max_value=1e6, allow_nan=False, allow_infinity=False)),
    min_size=1, max_size=30,
)
statistics_ = st.sampled_from(["mean", "median"])
resample_counts = st.integers(min_value=1, max_value=40)
confidences = st.one_of(st.sampled_from([0.5, 0.8, 0.9, 0.95, 0.99]),
                        st.floats(min_value=0.01, max_value=0.99))


# --- the oracle ------------------------------------------------------------------------------


def _exact_statistic(sample: list, statistic: str) -> Fraction:
    exact = [Fraction(x) for x in sample]
    if statistic == "mean":
        return sum(exact, Fraction(0)) / len(exact)
    exact.sort()
    half = len(exact) // 2
    return exact[half] if len(exact) % 2 else (exact[half - 1] + exact[half]) / 2


def _exact_percentile(ordered: list[Fraction], q: Fraction) -> Fraction:
    h = (len(ordered) - 1) * q
    j = math.floor(h)
    if j + 1 >= len(ordered):
        return ordered[-1]
    return ordered[j] + (h - j) * (ordered[j + 1] - ordered[j])


def _oracle(values, statistic, n_resamples, confidence, seed) -> tuple[Fraction, Fraction]:
    rng = random.Random(seed)
    stats = sorted(_exact_statistic(rng.choices(values, k=len(values)), statistic) for _ in range(n_resamples))
    c = Fraction(confidence)
    return _exact_percentile(stats, (1 - c) / 2), _exact_percentile(stats, (1 + c) / 2)


def _interval(result: object, call: str) -> tuple[float, float]:
    expect(isinstance(result, (tuple, list)) and len(result) == 2,
           f"{call} must return a (low, high) pair", actual=result)
    for end in result:
        expect(isinstance(end, (int, float)) and not isinstance(end, bool),
               f"{call} must return two real numbers", actual=result)
    return result[0], result[1]


def _describe(values, statistic, n_resamples, confidence, seed) -> str:
    shown = values if len(values) <= 12 else f"<{len(values)} values>"
    return f"bootstrap_ci({shown!r}, {statistic!r}, {n_resamples}, {confidence!r}, random.Random({seed}))"


def _check(solution, values, statistic, n_resamples, confidence, seed, why: str = "",
           expected: tuple[Fraction, Fraction] | None = None) -> tuple[float, float]:
    call = _describe(values, statistic, n_resamples, confidence, seed)
    low, high = _interval(solution.bootstrap_ci(values, statistic, n_resamples, confidence, Rng(seed)), call)
    want = expected or _oracle(values, statistic, n_resamples, confidence, seed)
    scale = 1 + max(abs(x) for x in values)
    for name, got, exact in (("low", low, want[0]), ("high", high, want[1])):
        if abs(got - exact) > REL_TOLERANCE * scale:
            fail(f"{call}: {name} is {got!r}, the exact value is {float(exact)!r}" + (f" ({why})" if why else ""),
                 expected=(float(want[0]), float(want[1])), actual=(low, high))
    return low, high


# --- examples and the exact contract ---------------------------------------------------------------


@category("examples")
def test_statement_examples(solution):
    _check(solution, [3, 1, 4, 1, 5], "mean", 4, 0.5, 42, "the worked example: means 1.4, 3.2, 2.4, 3.4",
           expected=(Fraction(43, 20), Fraction(13, 4)))
    _check(solution, list(range(1, 11)), "mean", 1000, 0.95, 0)
    _check(solution, list(range(1, 11)), "median", 1000, 0.9, 0)


@category("mean")
@given(values=any_values, n_resamples=resample_counts, confidence=confidences, seed=seeds)
def test_mean(solution, values, n_resamples, confidence, seed):
    _check(solution, values, "mean", n_resamples, confidence, seed)


@category("median, odd and even sizes")
@given(values=small_ints, n_resamples=resample_counts, confidence=confidences, seed=seeds)
def test_median_of_small_integers(solution, values, n_resamples, confidence, seed):
    # Even sizes average the two middle values: 1 and 2 give 1.5, not 1 or 2.
    _check(solution, values, "median", n_resamples, confidence, seed, "the median of an even-sized resample is "
           "the mean of its two middle values")


@category("median, odd and even sizes")
@given(values=any_values, n_resamples=resample_counts, confidence=confidences, seed=seeds)
def test_median(solution, values, n_resamples, confidence, seed):
    _check(solution, values, "median", n_resamples, confidence, seed)


@category("linear interpolation between order statistics")
@given(n_resamples=st.integers(2, 30), numerator=st.integers(1, 99), statistic=statistics_, seed=seeds,
       values=st.lists(st.integers(0, 1000), min_size=2, max_size=8))
def test_interpolation_at_many_positions(solution, n_resamples, numerator, statistic, seed, values):
    # confidence = k/100 puts (B - 1) * q on and between order statistics alike.
    _check(solution, values, statistic, n_resamples, numerator / 100, seed,
           "each end is the linear percentile: position (B - 1) * q, interpolated between neighbours")


@category("linear interpolation between order statistics")
def test_ends_at_integer_positions(solution):
    # B = 41, confidence 0.5: positions 10 and 30 exactly. B = 5, confidence 0.5: positions 1 and 3.
    for seed in range(5):
        _check(solution, [0, 10, 20, 30, 40, 50, 60], "mean", 41, 0.5, seed)
        _check(solution, [0, 10, 20, 30, 40, 50, 60], "median", 5, 0.5, seed)


@category("one value, constant values, one resample")
@given(value=st.one_of(st.integers(-10**6, 10**6), st.floats(-1e6, 1e6)), n=st.integers(1, 20),
       statistic=statistics_, n_resamples=resample_counts, confidence=confidences, seed=seeds)
def test_constant_values(solution, value, n, statistic, n_resamples, confidence, seed):
    # Both ends within the tolerance of the value: exact equality is not required (interpolation rounds).
    _check(solution, [value] * n, statistic, n_resamples, confidence, seed,
           "every resample of equal values has that value as its statistic")


@category("one value, constant values, one resample")
@given(values=any_values, statistic=statistics_, confidence=confidences, seed=seeds)
def test_one_resample(solution, values, statistic, confidence, seed):
    _check(solution, values, statistic, 1, confidence, seed, "one resample: both ends are its statistic")


@category("confidence near 0 and near 1")
@given(values=small_ints, statistic=statistics_, n_resamples=st.integers(1, 60), seed=seeds,
       confidence=st.sampled_from([1e-9, 0.001, 0.999, 1 - 1e-9]))
def test_extreme_confidence(solution, values, statistic, n_resamples, confidence, seed):
    _check(solution, values, statistic, n_resamples, confidence, seed)


@category("the draws are rng.choices(values, k=n), in order")
def test_draws_follow_rng_choices(solution):
    # Distinct powers of two: every resample's mean tells which values were drawn.
    values = [2**i for i in range(8)]
    for seed in range(6):
        _check(solution, values, "mean", 3, 0.5, seed,
               "resample b must be rng.choices(values, k=len(values)), drawn in order, nothing else drawn")


@category("the draws are rng.choices(values, k=n), in order")
def test_same_seed_same_interval(solution):
    values = [1.5, -2.0, 7.25, 3.0, 3.0, 10.0]
    for seed in range(4):
        first = solution.bootstrap_ci(values, "median", 25, 0.9, Rng(seed))
        second = solution.bootstrap_ci(values, "median", 25, 0.9, Rng(seed))
        expect(first == second, f"two calls with random.Random({seed}) must give the same interval",
               expected=first, actual=second)


@category("invariants")
@given(values=small_ints, shift=st.integers(-1000, 1000), statistic=statistics_, n_resamples=resample_counts,
       confidence=confidences, seed=seeds)
def test_shift_moves_the_interval(solution, values, shift, statistic, n_resamples, confidence, seed):
    call = _describe(values, statistic, n_resamples, confidence, seed)
    low, high = _check(solution, values, statistic, n_resamples, confidence, seed)
    moved = [x + shift for x in values]
    scale = REL_TOLERANCE * (1 + max(abs(x) for x in moved))
    expect(low <= high + scale, f"{call}: low must not exceed high", actual=(low, high))
    low2, high2 = _interval(solution.bootstrap_ci(moved, statistic, n_resamples, confidence, Rng(seed)), call)
    expect(abs(low2 - (low + shift)) <= scale and abs(high2 - (high + shift)) <= scale,
           f"adding {shift} to every value must add {shift} to both ends (same seed, same draws)",
           expected=(low + shift, high + shift), actual=(low2, high2))


@category("arguments are not modified")
@given(values=any_values, statistic=statistics_, seed=seeds)
def test_values_are_left_as_they_are(solution, values, statistic, seed):
    after = call_and_arguments(solution, "bootstrap_ci", list(values), statistic, 7, 0.8, Rng(seed))
    kept_values = after.args[0]
    same = len(kept_values) == len(values) and all(type(a) is type(b) and a == b
                                                   for a, b in zip(kept_values, values))
    expect(same, "bootstrap_ci must not modify values (not even sort it or convert its ints)",
           expected=values, actual=kept_values)


# --- errors ---------------------------------------------------------------------------------------

BAD_CALLS = {
    "empty values": (ValueError, [], "mean", 10, 0.9),
    "a NaN value, first": (ValueError, [math.nan, 1.0, 2.0], "mean", 10, 0.9),
    "a NaN value, last": (ValueError, [1.0, 2.0, math.nan], "median", 10, 0.9),
    "an infinite value, middle": (ValueError, [1.0, math.inf, 2.0], "mean", 10, 0.9),
    "-inf, the only value": (ValueError, [-math.inf], "median", 10, 0.9),
    "unknown statistic": (ValueError, [1.0, 2.0], "variance", 10, 0.9),
    "statistic not a str": (TypeError, [1.0, 2.0], None, 10, 0.9),
    "n_resamples 0": (ValueError, [1.0, 2.0], "mean", 0, 0.9),
    "n_resamples negative": (ValueError, [1.0, 2.0], "mean", -5, 0.9),
    "n_resamples a float": (TypeError, [1.0, 2.0], "mean", 10.0, 0.9),
    "n_resamples a bool": (TypeError, [1.0, 2.0], "mean", True, 0.9),
    "confidence 0": (ValueError, [1.0, 2.0], "mean", 10, 0.0),
    "confidence 1": (ValueError, [1.0, 2.0], "mean", 10, 1.0),
    "confidence as a percentage": (ValueError, [1.0, 2.0], "mean", 10, 95),
    "confidence negative": (ValueError, [1.0, 2.0], "mean", 10, -0.5),
    "confidence NaN": (ValueError, [1.0, 2.0], "mean", 10, math.nan),
}


@category("bad input")
@pytest.mark.parametrize("what", list(BAD_CALLS))
def test_bad_input_raises(solution, what):
    error, values, statistic, n_resamples, confidence = BAD_CALLS[what]
    with expect_raises(error):
        solution.bootstrap_ci(values, statistic, n_resamples, confidence, Rng(0))


# --- scale ------------------------------------------------------------------------------------------


@kept
def _large_case() -> tuple[list[float], tuple[float, float]]:
    """20 000 skewed values (multiples of 1/1024) and the oracle's interval for 500 resamples of the mean."""
    rng = random.Random(3)
    values = [round(rng.expovariate(0.01) * 1024) / 1024 for _ in range(LARGE_N)]
    exact = _large_oracle(values, 17)
    return values, (float(exact[0]), float(exact[1]))


def _large_oracle(values: list[float], seed: int) -> tuple[Fraction, Fraction]:
    # Multiples of 1/1024 below 2**43: every sum of 20 000 of them is exact in float64.
    rng = random.Random(seed)
    sums = sorted(Fraction(sum(rng.choices(values, k=len(values)))) for _ in range(LARGE_B))
    c = Fraction(0.95)
    n = len(values)
    return (_exact_percentile(sums, (1 - c) / 2) / n, _exact_percentile(sums, (1 + c) / 2) / n)


@category("20 000 values, 500 resamples")
def test_large(solution):
    values, (low, high) = _large_case()
    _check(solution, values, "mean", LARGE_B, 0.95, 17, "the large case",
           expected=(Fraction(low), Fraction(high)))
