"""The classifier on synthetic points: noise must never raise a false alarm, real growth must show."""

import math
import random

import pytest

from judge.complexity.classes import Complexity as C
from judge.complexity.fit import Point, classify, theil_sen

SIZES = [1000 * 2**i for i in range(7)]  # the doubling schedule: 64x span


def points(growth, *, noise=0.0, overhead=0.0, seed=0, sizes=SIZES):
    """Min-of-samples style points: cost = c * growth(n) * (1 + |noise|) + overhead."""
    rng = random.Random(seed)
    return [Point(n, 1e-8 * growth(n) * (1 + abs(rng.gauss(0, noise))) + overhead) for n in sizes]


def linear(n):
    return n


def nlogn(n):
    return n * math.log2(n)


def quadratic(n):
    return n * n / 1000


def test_theil_sen_ignores_one_outlier():
    xs = list(range(7))
    ys = [2 * x for x in xs]
    ys[3] += 50
    assert theil_sen(xs, ys) == pytest.approx(2.0)


@pytest.mark.parametrize(
    ("growth", "expected_class"),
    [(lambda n: 1.0, C.CONSTANT), (linear, C.LINEAR), (nlogn, C.LINEARITHMIC), (quadratic, C.QUADRATIC),
     (lambda n: n**3 / 1e6, C.CUBIC)],
)
def test_clean_points_get_their_own_class(growth, expected_class):
    fit = classify(points(growth), expected_class)
    assert fit.measured is expected_class
    assert fit.relation == "within"
    assert fit.confidence > 0.95


def test_linear_vs_linearithmic_is_only_consistent_with():
    fit = classify(points(nlogn), C.LINEAR)
    assert fit.measured is C.LINEAR  # the expected class, which the data cannot reject
    assert set(fit.consistent) == {C.LINEAR, C.LINEARITHMIC}
    assert fit.relation == "within"


def test_simplest_member_when_expected_is_outside_the_group():
    fit = classify(points(nlogn), C.QUADRATIC)
    assert fit.measured is C.LINEAR
    assert fit.relation == "better"
    assert fit.within_expected is True


def test_quadratic_is_worse_than_linear_expected():
    fit = classify(points(quadratic, noise=0.05), C.LINEAR)
    assert fit.measured is C.QUADRATIC
    assert fit.worse_than_expected
    assert fit.within_expected is False


def test_constant_overhead_at_small_sizes_does_not_hide_linear_growth():
    # Overhead equal to the cost at the smallest size: only the largest sizes are fitted.
    fit = classify(points(linear, overhead=1e-5), C.LINEAR)
    assert fit.measured is C.LINEAR
    assert fit.window[0] >= SIZES[-1] // 16


def test_noise_never_raises_a_false_alarm():
    # 30% one-sided noise (interference only adds time), 300 trials, each class expected as itself.
    for growth, expected in ((linear, C.LINEAR), (nlogn, C.LINEARITHMIC), (lambda n: 1.0, C.CONSTANT)):
        for seed in range(100):
            fit = classify(points(growth, noise=0.3, seed=seed), expected)
            assert not fit.worse_than_expected, (expected, seed, fit)


def test_quadratic_detected_under_noise():
    flagged = sum(
        classify(points(quadratic, noise=0.15, seed=seed), C.LINEARITHMIC).measured is C.QUADRATIC
        for seed in range(200)
    )
    assert flagged >= 190


def test_in_between_growth_is_not_flagged():
    # n^1.6 is past the band edge (1.56) but not by two standard errors: "uncertain", never "worse".
    fit = classify(points(lambda n: n**1.6), C.LINEAR)
    assert fit.relation == "uncertain"
    assert not fit.worse_than_expected
    assert fit.within_expected is None


def test_exponential_growth_is_named():
    sizes = list(range(4, 44, 4))
    fit = classify([Point(n, 1e-9 * 2.0**n) for n in sizes], C.LINEAR)
    assert fit.measured is C.EXPONENTIAL
    assert fit.worse_than_expected


def test_too_few_sizes_is_inconclusive():
    fit = classify(points(linear, sizes=[1000, 2000]), C.LINEAR)
    assert fit.measured is None
    assert "usable sizes" in fit.reason
    assert fit.within_expected is None and not fit.worse_than_expected


def test_too_narrow_span_is_inconclusive():
    fit = classify(points(linear, sizes=[1000, 1200, 1400, 1600, 1800]), C.LINEAR)
    assert fit.measured is None


def test_wild_scatter_is_inconclusive_not_worse():
    rng = random.Random(4)
    scattered = [Point(n, 1e-3 * 10 ** rng.uniform(-1.5, 1.5)) for n in SIZES]
    fit = classify(scattered, C.LINEAR)
    assert fit.measured is None
    assert "too noisy" in fit.reason
    assert not fit.worse_than_expected


def test_memory_floor_keeps_tiny_peaks_constant():
    # A few hundred bytes of bookkeeping drifting up is not growth; without the floor it would look linear.
    peaks = [Point(n, v) for n, v in zip(SIZES, [48, 64, 100, 160, 260, 420, 680])]
    assert classify(peaks, C.CONSTANT, floor=4096).measured is C.CONSTANT
    assert classify(peaks, C.CONSTANT, floor=0).measured is C.LINEAR


def test_point_from_samples_keeps_the_minimum_and_the_spread():
    point = Point.from_samples(64, [3.0, 2.0, 4.0])
    assert point.value == 2.0
    assert point.spread == pytest.approx(0.5)
    assert point.samples == 3
