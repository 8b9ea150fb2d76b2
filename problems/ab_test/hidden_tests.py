"""Hidden tests for ab_test.

two_proportion_ztest: z is checked against the Pearson chi-square statistic of
the 2x2 table, computed exactly in fractions (z**2 equals it, with the sign of
p_b - p_a): a formula that shares nothing with the pooled standard error. The
p-value against math.erfc(|z| / sqrt 2), the Wald interval against its
variance in fractions, `significant` against p < alpha on inputs whose p-value
is at least 1e-7 from alpha. Invariants: swapping the groups negates z and the
interval, multiplying every count by k multiplies z by sqrt(k).

sample_size_per_group: the answer n is checked by what it promises: the power
of the test at n per group reaches the target and at n - 1 it does not (the
power computed from the alternative's formula, not by inverting it), on
inputs whose unrounded size is at least 1e-6 (relative) from an integer.
"""

from __future__ import annotations

import math
from fractions import Fraction
from statistics import NormalDist

import pytest
from hypothesis import assume, given, strategies as st

from judge.testing import category, expect, expect_raises, fail

NORMAL = NormalDist()
TOL = 1e-9
KEYS = ("diff", "z", "p_value", "ci_low", "ci_high", "significant")

alphas = st.sampled_from([0.05, 0.01, 0.1, 0.2, 0.001])
powers = st.sampled_from([0.8, 0.9, 0.5, 0.95, 0.6])


@st.composite
def groups(draw: st.DrawFn, max_n: int = 60) -> tuple[int, int, int, int]:
    n_a = draw(st.integers(1, max_n))
    n_b = draw(st.integers(1, max_n))
    return draw(st.integers(0, n_a)), n_a, draw(st.integers(0, n_b)), n_b


# --- the z-test oracle -----------------------------------------------------------------------


def _chi_square(x_a: int, n_a: int, x_b: int, n_b: int) -> Fraction:
    """Pearson's chi-square of the table [[x_a, n_a - x_a], [x_b, n_b - x_b]] (0 when a margin is 0)."""
    a, b, c, d = x_a, n_a - x_a, x_b, n_b - x_b
    margins = (a + b) * (c + d) * (a + c) * (b + d)
    if margins == 0:
        return Fraction(0)
    return Fraction((a + b + c + d) * (a * d - b * c) ** 2, margins)


def _expected(x_a, n_a, x_b, n_b, alpha) -> dict:
    diff = Fraction(x_b, n_b) - Fraction(x_a, n_a)
    z = math.copysign(math.sqrt(_chi_square(x_a, n_a, x_b, n_b)), diff) if diff else 0.0
    p_value = math.erfc(abs(z) / math.sqrt(2))
    p_a, p_b = Fraction(x_a, n_a), Fraction(x_b, n_b)
    half = NORMAL.inv_cdf(1 - alpha / 2) * math.sqrt(p_a * (1 - p_a) / n_a + p_b * (1 - p_b) / n_b)
    return {"diff": float(diff), "z": z, "p_value": p_value, "ci_low": float(diff) - half,
            "ci_high": float(diff) + half, "significant": p_value < alpha}


def _call(x_a, n_a, x_b, n_b, alpha) -> str:
    return f"two_proportion_ztest({x_a}, {n_a}, {x_b}, {n_b}, alpha={alpha})"


def _result(solution, x_a, n_a, x_b, n_b, alpha) -> dict:
    call = _call(x_a, n_a, x_b, n_b, alpha)
    got = solution.two_proportion_ztest(x_a, n_a, x_b, n_b, alpha=alpha)
    expect(isinstance(got, dict), f"{call} must return a dict", actual=got)
    missing = [k for k in KEYS if k not in got]
    expect(not missing, f"{call}: the dict lacks the keys {missing}", expected=list(KEYS), actual=sorted(got))
    for key in KEYS[:-1]:
        value = got[key]
        expect(isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value),
               f"{call}: {key} must be a finite float", actual=value)
    expect(isinstance(got["significant"], bool), f"{call}: significant must be a bool", actual=got["significant"])
    return got


def _check(solution, x_a, n_a, x_b, n_b, alpha=0.05) -> dict:
    want = _expected(x_a, n_a, x_b, n_b, alpha)
    assume(abs(want["p_value"] - alpha) > 1e-7)  # `significant` is decided far from the edge
    got = _result(solution, x_a, n_a, x_b, n_b, alpha)
    call = _call(x_a, n_a, x_b, n_b, alpha)
    for key, why in (("diff", "p_b - p_a"), ("z", "z**2 must equal the chi-square of the 2x2 table, its sign that "
                                                   "of p_b - p_a; pooled standard error"),
                     ("p_value", "two-sided: 2 * (1 - Phi(|z|))"),
                     ("ci_low", "Wald interval, unpooled standard error"), ("ci_high", "Wald interval, unpooled")):
        scale = TOL * (1 + abs(want[key]))
        if abs(got[key] - want[key]) > scale:
            fail(f"{call}: {key} is {got[key]!r}, expected {want[key]!r} ({why})", expected=want[key],
                 actual=got[key])
    if got["significant"] != want["significant"]:
        fail(f"{call}: significant must be p_value < alpha ({want['p_value']:.6g} < {alpha})",
             expected=want["significant"], actual=got["significant"])
    return got


@category("examples")
def test_statement_examples(solution):
    got = _check(solution, 200, 2000, 250, 2000)
    expect(abs(got["z"] - 2.5019554168) < 1e-8, "the worked example: z = 2.50196", actual=got["z"])
    _check(solution, 0, 10, 0, 20)
    _check(solution, 30, 100, 30, 100)


@category("z-test")
@given(case=groups(), alpha=alphas)
def test_small_counts(solution, case, alpha):
    _check(solution, *case, alpha)


@category("z-test")
@given(n_a=st.integers(1000, 10**12), n_b=st.integers(1000, 10**12), fa=st.floats(0.001, 0.999),
       fb=st.floats(0.001, 0.999), alpha=alphas)
def test_large_counts(solution, n_a, n_b, fa, fb, alpha):
    _check(solution, int(fa * n_a), n_a, int(fb * n_b), n_b, alpha)


@category("z-test")
@given(n=st.integers(2, 10**6), base=st.integers(1, 99), alpha=alphas)
def test_near_equal_rates(solution, n, base, alpha):
    # A difference of one success: small z, p-value near 1.
    x = base * n // 100
    _check(solution, x, n, min(n, x + 1), n, alpha)


@category("zero standard error: z = 0, p = 1")
@given(n_a=st.integers(1, 10**9), n_b=st.integers(1, 10**9), full=st.booleans(), alpha=alphas)
def test_zero_standard_error(solution, n_a, n_b, full, alpha):
    x_a, x_b = (n_a, n_b) if full else (0, 0)
    got = _check(solution, x_a, n_a, x_b, n_b, alpha)
    expect(got["z"] == 0 and got["p_value"] == 1 and got["significant"] is False,
           f"{_call(x_a, n_a, x_b, n_b, alpha)}: every trial has the same outcome: z = 0, p_value = 1, "
           "not significant", actual=got)


@category("zero standard error: z = 0, p = 1")
@given(n_a=st.integers(1, 1000), n_b=st.integers(1, 1000), flip=st.booleans())
def test_opposite_certainties(solution, n_a, n_b, flip):
    # 0 of n_a against n_b of n_b: the pooled error is positive, the unpooled one is 0: the interval is a point.
    x_a, x_b = (n_a, 0) if flip else (0, n_b)
    got = _check(solution, x_a, n_a, x_b, n_b)
    expect(got["ci_low"] == got["ci_high"] == got["diff"], "an unpooled standard error of 0 gives the interval "
           "(diff, diff)", actual=(got["ci_low"], got["ci_high"]))


@category("invariants")
@given(case=groups(), alpha=alphas)
def test_swapping_groups_negates(solution, case, alpha):
    x_a, n_a, x_b, n_b = case
    one = _check(solution, x_a, n_a, x_b, n_b, alpha)
    two = _check(solution, x_b, n_b, x_a, n_a, alpha)
    expect(abs(one["z"] + two["z"]) <= TOL * (1 + abs(one["z"])) and abs(one["p_value"] - two["p_value"]) <= TOL,
           "swapping A and B negates z and keeps the p-value", actual=(one["z"], two["z"]))
    expect(abs(one["ci_low"] + two["ci_high"]) <= 2 * TOL and abs(one["ci_high"] + two["ci_low"]) <= 2 * TOL,
           "swapping A and B mirrors the interval", actual=((one["ci_low"], one["ci_high"]),
                                                             (two["ci_low"], two["ci_high"])))
    expect(one["ci_low"] <= one["diff"] <= one["ci_high"], "the interval contains the observed difference",
           actual=one)


@category("invariants")
@given(case=groups(max_n=30), k=st.integers(2, 50))
def test_scaling_counts_scales_z(solution, case, k):
    x_a, n_a, x_b, n_b = case
    one = _check(solution, x_a, n_a, x_b, n_b)
    many = _check(solution, k * x_a, k * n_a, k * x_b, k * n_b)
    want = one["z"] * math.sqrt(k)
    expect(abs(many["z"] - want) <= TOL * (1 + abs(want)),
           f"multiplying every count by {k} multiplies z by sqrt({k})", expected=want, actual=many["z"])


BAD_TESTS = {
    "successes_a above n_a": (ValueError, (11, 10, 5, 10), {}),
    "successes_b above n_b": (ValueError, (5, 10, 11, 10), {}),
    "negative successes_a": (ValueError, (-1, 10, 5, 10), {}),
    "negative successes_b": (ValueError, (5, 10, -1, 10), {}),
    "n_a = 0": (ValueError, (0, 0, 5, 10), {}),
    "n_b = 0": (ValueError, (5, 10, 0, 0), {}),
    "negative n_b": (ValueError, (5, 10, 0, -3), {}),
    "a float count": (TypeError, (5.0, 10, 5, 10), {}),
    "a float n": (TypeError, (5, 10, 5, 10.0), {}),
    "a bool count": (TypeError, (True, 10, 5, 10), {}),
    "alpha 0": (ValueError, (5, 10, 5, 10), {"alpha": 0.0}),
    "alpha 1": (ValueError, (5, 10, 5, 10), {"alpha": 1.0}),
    "alpha negative": (ValueError, (5, 10, 5, 10), {"alpha": -0.05}),
    "alpha NaN": (ValueError, (5, 10, 5, 10), {"alpha": math.nan}),
}


@category("bad input")
@pytest.mark.parametrize("what", list(BAD_TESTS))
def test_bad_counts_raise(solution, what):
    error, args, kwargs = BAD_TESTS[what]
    with expect_raises(error):
        solution.two_proportion_ztest(*args, **kwargs)


# --- sample size ----------------------------------------------------------------------------------


def _power_at(n: int, p_base: float, mde: float, alpha: float) -> float:
    """The power of the two-sided test with n per group: the alternative's distribution against the null's cut."""
    p1, p2 = p_base, p_base + mde
    p_bar = (p1 + p2) / 2
    z_alpha = NORMAL.inv_cdf(1 - alpha / 2)
    return NORMAL.cdf((abs(mde) * math.sqrt(n) - z_alpha * math.sqrt(2 * p_bar * (1 - p_bar)))
                      / math.sqrt(p1 * (1 - p1) + p2 * (1 - p2)))


def _unrounded(p_base, mde, alpha, power) -> float:
    p1, p2 = p_base, p_base + mde
    p_bar = (p1 + p2) / 2
    root = (NORMAL.inv_cdf(1 - alpha / 2) * math.sqrt(2 * p_bar * (1 - p_bar))
            + NORMAL.inv_cdf(power) * math.sqrt(p1 * (1 - p1) + p2 * (1 - p2)))
    return root * root / (mde * mde)


def _far_from_integer(exact: float) -> bool:
    """Float64 formulas differ by ~1e-15 relative: this margin keeps every one on the same side of the ceiling."""
    return abs(exact - round(exact)) > 1e-8 + 1e-12 * exact


def _check_size(solution, p_base, mde, alpha=0.05, power=0.8) -> int:
    exact = _unrounded(p_base, mde, alpha, power)
    assume(_far_from_integer(exact))  # the fixed examples are chosen far from integers, so this never skips them
    call = f"sample_size_per_group({p_base!r}, {mde!r}, alpha={alpha}, power={power})"
    got = solution.sample_size_per_group(p_base, mde, alpha=alpha, power=power)
    expect(isinstance(got, int) and not isinstance(got, bool), f"{call} must return an int", actual=got)
    want = max(1, math.ceil(exact))
    if got != want:
        reached = _power_at(got, p_base, mde, alpha) if got >= 1 else float("nan")
        fail(f"{call} returned {got}: with {got} per group the power is {reached:.6f}; the smallest n whose "
             f"power reaches {power} is {want}", expected=want, actual=got)
    expect(_power_at(got, p_base, mde, alpha) >= power, f"{call}: the power at n must reach the target")
    if got > 1:
        expect(_power_at(got - 1, p_base, mde, alpha) < power, f"{call}: n must be the smallest such size")
    return got


@category("sample size")
def test_sample_size_examples(solution):
    expect(_check_size(solution, 0.10, 0.02) == 3841, "10% to 12%: 3841 per group")
    expect(_check_size(solution, 0.10, -0.02) == 3213, "10% to 8%: 3213 per group")


@category("sample size")
@given(p_base=st.floats(0.01, 0.99), mde=st.floats(-0.5, 0.5), alpha=alphas, power=powers)
def test_sample_size(solution, p_base, mde, alpha, power):
    assume(abs(mde) > 1e-3 and 0.001 < p_base + mde < 0.999)
    _check_size(solution, p_base, mde, alpha, power)


@category("sample size")
@given(p_base=st.floats(0.02, 0.98), mde=st.floats(0.005, 0.3), alpha=alphas, power=powers)
def test_sample_size_symmetry(solution, p_base, mde, alpha, power):
    # Rates p -> 1 - p and the effect's sign flipped: the same test, the same size.
    assume(p_base + mde < 0.99)
    one = _check_size(solution, p_base, mde, alpha, power)
    two = _check_size(solution, 1 - p_base, -mde, alpha, power)
    expect(abs(one - two) <= 1, "p_base, mde and 1 - p_base, -mde describe the same experiment",
           expected=one, actual=two)


@category("sample size: tiny effects")
def test_tiny_effect_is_computed_not_searched(solution):
    # 1.7e10 and 5.6e10 per group: counting up from 1 never finishes. The effects are powers of two,
    # so (p_base + mde) - p_base is mde exactly, however a solution gets the difference.
    _check_size(solution, 0.5, 2**-16)
    _check_size(solution, 0.125, -(2**-17), alpha=0.01, power=0.9)


BAD_SIZES = {
    "p_base 0": (ValueError, (0.0, 0.01), {}),
    "p_base 1": (ValueError, (1.0, -0.01), {}),
    "p_base negative": (ValueError, (-0.1, 0.01), {}),
    "p_base NaN": (ValueError, (math.nan, 0.01), {}),
    "mde 0": (ValueError, (0.1, 0.0), {}),
    "p_base + mde = 1": (ValueError, (0.5, 0.5), {}),
    "p_base + mde above 1": (ValueError, (0.9, 0.2), {}),
    "p_base + mde below 0": (ValueError, (0.1, -0.2), {}),
    "mde NaN": (ValueError, (0.1, math.nan), {}),
    "power 1": (ValueError, (0.1, 0.02), {"power": 1.0}),
    "power 0": (ValueError, (0.1, 0.02), {"power": 0.0}),
    "alpha 0": (ValueError, (0.1, 0.02), {"alpha": 0.0}),
    "alpha above 1": (ValueError, (0.1, 0.02), {"alpha": 5}),
}


@category("bad input")
@pytest.mark.parametrize("what", list(BAD_SIZES))
def test_bad_sizes_raise(solution, what):
    error, args, kwargs = BAD_SIZES[what]
    with expect_raises(error):
        solution.sample_size_per_group(*args, **kwargs)
