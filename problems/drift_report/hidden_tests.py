"""Hidden properties of drift_report, one category per rule of the spec.

The oracle is exact and shares no code with a NumPy solution: edges are
fractions ((n - 1)k/bins split into its whole and fractional parts), values
are binned by exact comparison, and the KS statistic is the largest
|i/n - j/m| over every distinct value, in fractions. Only the final PSI sum is
taken in floats (its terms are all >= 0, so no cancellation), compared with a
relative tolerance of 1e-9.

Bins decided by an edge are never left to float rounding: reference sizes make
(n - 1)k/bins a non-integer, data are integers (or integers times a power of
two), and current values are reference values or outside the reference's
range, so each edge is a reference value exactly or lies strictly between two.
Properties that hold for any data (identical samples, disjoint samples,
symmetry of KS, PSI >= 0) use arbitrary floats.
"""

from __future__ import annotations

import bisect
import copy
import math
import random
from fractions import Fraction

from hypothesis import given, strategies as st

from judge.testing import NdArray, call_and_arguments, category, expect, expect_raises, fail, kept

REL = 1e-9
ABS = 1e-12
FLOOR = 1e-4
BINS = st.sampled_from([10, 10, 1, 2, 3, 4, 5, 7, 37])
LARGE = 200_000


# ------------------------------------------------------------ the oracle

def _exact(value):
    """ints stay ints (fast); floats become the fraction they are exactly."""
    return value if isinstance(value, int) else Fraction(value)


def _edges(values, bins: int) -> list[Fraction]:
    s = sorted(_exact(v) for v in values)
    n = len(s)
    edges = []
    for k in range(1, bins):
        pos = Fraction((n - 1) * k, bins)
        lo = math.floor(pos)
        frac = pos - lo
        edges.append(s[lo] if frac == 0 else s[lo] + (s[lo + 1] - s[lo]) * frac)
    return edges


def _psi(reference, current, bins: int) -> float:
    edges = _edges(reference, bins)

    def shares(sample):
        counts = [0] * bins
        for v in sample:
            counts[bisect.bisect_right(edges, _exact(v))] += 1
        return [max(c / len(sample), FLOOR) for c in counts]

    r, c = shares(reference), shares(current)
    return math.fsum((cj - rj) * math.log(cj / rj) for rj, cj in zip(r, c))


def _ks(reference, current) -> Fraction:
    a = sorted(_exact(v) for v in reference)
    b = sorted(_exact(v) for v in current)
    best = Fraction(0)
    for x in set(a) | set(b):
        gap = abs(Fraction(bisect.bisect_right(a, x), len(a)) - Fraction(bisect.bisect_right(b, x), len(b)))
        best = max(best, gap)
    return best


def _close(actual, expected: float) -> bool:
    return abs(actual - expected) <= max(ABS, REL * abs(expected))


def _report(solution, reference, current, bins=None) -> tuple[float, float]:
    """Call the solution; check the result's shape; return (psi, ks)."""
    result = solution.drift_report(reference, current) if bins is None else \
        solution.drift_report(reference, current, bins)
    if not isinstance(result, dict) or "psi" not in result or "ks" not in result:
        fail(f"the result must be a dict with keys 'psi' and 'ks', got {result!r}")
    for key in ("psi", "ks"):
        value = result[key]
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            fail(f"result[{key!r}] = {value!r} is not a number")
        if math.isnan(value):
            fail(f"result[{key!r}] is NaN")
    return result["psi"], result["ks"]


def _expect_exact(solution, reference, current, bins=None, as_given=None) -> None:
    """psi and ks against the oracle; `as_given`: the arguments as sent (lists, tuples, NdArray)."""
    ref_sent, cur_sent = as_given or (reference, current)
    psi, ks = _report(solution, ref_sent, cur_sent, bins)
    want_psi = _psi(reference, current, 10 if bins is None else bins)
    want_ks = _ks(reference, current)
    expect(_close(psi, want_psi), f"psi is {psi!r}, expected {want_psi!r} (bins={bins or 10}, "
           f"edges {[float(e) for e in _edges(reference, bins or 10)]})", expected=want_psi, actual=psi)
    expect(_close(ks, float(want_ks)), f"ks is {ks!r}, expected {want_ks} = {float(want_ks)!r}",
           expected=float(want_ks), actual=ks)


# ------------------------------------------------------------ strategies

def _fits(n: int, bins: int) -> bool:
    """(n - 1)k/bins is never a whole number for 0 < k < bins (or n == 1)."""
    return n == 1 or math.gcd(n - 1, bins) == 1


@st.composite
def samples(draw, max_size: int = 30, low: int = -3, high: int = 6, bins: int | None = None):
    """(reference, current, bins): integer data full of ties; current values are reference values or
    outside the reference's range."""
    bins = draw(BINS) if bins is None else bins
    n = draw(st.integers(1, max_size).filter(lambda size: _fits(size, bins)))
    reference = draw(st.lists(st.integers(low, high), min_size=n, max_size=n))
    lo, hi = min(reference), max(reference)
    pool = sorted(set(reference)) + [lo - 1, lo - 5, hi + 1, hi + 3]
    current = draw(st.lists(st.sampled_from(pool), min_size=1, max_size=max_size))
    return reference, current, bins


FLOATS = st.floats(-1e6, 1e6, allow_nan=False, allow_infinity=False)


# ------------------------------------------------------------ worked examples

@category("worked examples")
def test_worked_examples(solution):
    psi, ks = _report(solution, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], [1, 1, 2, 3, 4, 5, 6, 7, 8, 9], 4)
    expect(_close(psi, 0.1 * math.log(2)), f"psi is {psi!r}, expected 0.1 ln 2 = {0.1 * math.log(2)!r}")
    expect(_close(ks, 0.1), f"ks is {ks!r}, expected 0.1")
    psi, ks = _report(solution, [5, 5, 5], [5, 5])
    expect(_close(psi, 0.0) and _close(ks, 0.0), f"identical one-value samples: psi {psi!r}, ks {ks!r}, expected 0, 0")
    _expect_exact(solution, [0, 1], [2, 3])


# ------------------------------------------------------------ exact values

@category("psi and ks: exact on small samples with ties")
@given(data=samples())
def test_small_integer_samples(solution, data):
    reference, current, bins = data
    _expect_exact(solution, reference, current, bins)


@category("psi and ks: exact on small samples with ties")
@given(data=samples(), scale=st.sampled_from([0.25, 1024.0, 2.0**-20]))
def test_binary_scaled_floats(solution, data, scale):
    reference, current, bins = data
    reference = [v * scale for v in reference]
    current = [v * scale for v in current]
    _expect_exact(solution, reference, current, bins)


@category("psi and ks: exact on small samples with ties")
@given(data=samples(max_size=60, low=-2, high=2, bins=10))
def test_default_bins(solution, data):
    reference, current, _ = data
    _expect_exact(solution, reference, current)


# ------------------------------------------------------------ ties and empty bins

@category("tied edges, empty bins and the 1e-4 floor")
def test_tied_edges(solution):
    # n = 10, bins = 10: eight edges are exactly 0, the ninth is 0.1; bins 0-7 are empty.
    reference = [0] * 9 + [1]
    _expect_exact(solution, reference, [0, 1, 1, 1])
    _expect_exact(solution, reference, [-1, 0, 0, 2])
    _expect_exact(solution, [3] * 12, [3] * 5 + [4], 10)


@category("tied edges, empty bins and the 1e-4 floor")
def test_floor_decides_psi(solution):
    # Every current value above the reference: nine of ten current shares floored at 1e-4.
    reference = list(range(22))
    _expect_exact(solution, reference, [100, 101], 10)
    # A share of exactly 1e-4 before the floor: 1 of 10,000 values.
    reference = list(range(10_000))
    _expect_exact(solution, reference, [5] * 9_999 + [9_000], 10)


# ------------------------------------------------------------ bins

@category("bins")
def test_one_bin_and_many(solution):
    psi, ks = _report(solution, [1, 2, 3], [7, 8], 1)
    expect(_close(psi, 0.0), f"bins=1 has one bin holding everything: psi must be 0, got {psi!r}")
    expect(_close(ks, 1.0), f"ks is {ks!r}, expected 1")
    reference = list(range(0, 74, 2))[:37]  # n = 37: (n - 1)k/37 is never whole
    _expect_exact(solution, reference, reference[::3] + [-1, 100], 37)
    _expect_exact(solution, [4], [4, 5, 3], 100)


# ------------------------------------------------------------ properties

@category("properties: identical, disjoint, symmetric")
@given(values=st.lists(FLOATS, min_size=1, max_size=30), bins=BINS)
def test_identical_samples(solution, values, bins):
    shuffled = list(values)
    random.Random(len(values)).shuffle(shuffled)
    psi, ks = _report(solution, values, shuffled, bins)
    expect(_close(psi, 0.0), f"a sample against a shuffle of itself: psi must be 0, got {psi!r}")
    expect(_close(ks, 0.0), f"a sample against a shuffle of itself: ks must be 0, got {ks!r}")


@category("properties: identical, disjoint, symmetric")
@given(a=st.lists(FLOATS, min_size=1, max_size=20), b=st.lists(FLOATS, min_size=1, max_size=20), bins=BINS)
def test_ks_symmetric_and_bounded_psi_nonnegative(solution, a, b, bins):
    psi_ab, ks_ab = _report(solution, a, b, bins)
    _, ks_ba = _report(solution, b, a, bins)
    want = float(_ks(a, b))
    expect(_close(ks_ab, want), f"ks is {ks_ab!r}, expected {want!r}")
    expect(_close(ks_ba, want), f"ks(current, reference) is {ks_ba!r}, but ks(reference, current) is {want!r}")
    expect(psi_ab >= -ABS, f"psi is negative: {psi_ab!r}")


@category("properties: identical, disjoint, symmetric")
@given(a=st.lists(st.integers(-50, 50), min_size=1, max_size=20), b=st.lists(st.integers(-50, 50), min_size=1, max_size=20),
       gap=st.integers(1, 10))
def test_disjoint_samples(solution, a, b, gap):
    current = [max(a) + gap + (v - min(b)) for v in b]
    _, ks = _report(solution, a, current)
    expect(_close(ks, 1.0), f"every current value is above every reference value: ks must be 1, got {ks!r}")
    _, ks = _report(solution, current, a)
    expect(_close(ks, 1.0), f"every reference value is above every current value: ks must be 1, got {ks!r}")


@category("properties: identical, disjoint, symmetric")
@given(data=samples(), shift=st.integers(-1000, 1000))
def test_shift_changes_nothing(solution, data, shift):
    reference, current, bins = data
    _expect_exact(solution, [v + shift for v in reference], [v + shift for v in current], bins)


# ------------------------------------------------------------ input forms

@category("lists, tuples and arrays")
@given(data=samples(), form=st.sampled_from(["tuple", "array", "floats", "mixed"]))
def test_input_forms(solution, data, form):
    reference, current, bins = data
    if form == "tuple":
        sent = (tuple(reference), tuple(current))
    elif form == "array":
        sent = (NdArray(reference), NdArray(current))
    elif form == "floats":
        sent = ([float(v) for v in reference], [float(v) for v in current])
    else:
        sent = (NdArray(reference), tuple(float(v) for v in current))
    _expect_exact(solution, reference, current, bins, as_given=sent)


@category("arguments not modified")
@given(data=samples())
def test_arguments_unchanged(solution, data):
    reference, current, bins = data
    before = copy.deepcopy((reference, current))
    after = call_and_arguments(solution, "drift_report", reference, current, bins)
    expect(after.args[0] == before[0], "reference was modified", expected=before[0], actual=after.args[0])
    expect(after.args[1] == before[1], "current was modified", expected=before[1], actual=after.args[1])


@category("arguments not modified")
def test_array_arguments_unchanged(solution):
    reference, current = [3.0, 1.0, 2.0, 5.0], [9.0, 0.0, 4.0]
    after = call_and_arguments(solution, "drift_report", NdArray(reference), NdArray(current), 3)
    expect(list(after.args[0]) == reference and list(after.args[1]) == current,
           "the arrays were modified (sorted in place?)", expected=[reference, current], actual=after.args[:2])


# ------------------------------------------------------------ errors

GOOD = [1.0, 2.0, 3.0, 4.0]


def _placed(bad, where: str) -> list:
    return {"only": [bad], "first": [bad] + GOOD, "middle": GOOD[:2] + [bad] + GOOD[2:], "last": GOOD + [bad]}[where]


@category("errors: bins")
def test_bad_bins(solution):
    for bad in (10.0, True, "10", None, 2.5):
        with expect_raises(TypeError):
            solution.drift_report(GOOD, GOOD, bad)
    for bad in (0, -1, -10):
        with expect_raises(ValueError):
            solution.drift_report(GOOD, GOOD, bad)


@category("errors: empty samples")
def test_empty(solution):
    for ref, cur in (([], GOOD), (GOOD, []), ([], []), ((), GOOD), (NdArray([]), GOOD)):
        with expect_raises(ValueError):
            solution.drift_report(ref, cur)


@category("errors: more than one dimension")
def test_two_dimensional(solution):
    with expect_raises(ValueError):
        solution.drift_report(NdArray([[1, 2], [3, 4]]), GOOD)
    with expect_raises(ValueError):
        solution.drift_report(GOOD, NdArray([[1, 2, 3]]))


@category("errors: values that are not finite numbers")
def test_non_finite_values(solution):
    for bad in (math.nan, math.inf, -math.inf):
        for where in ("only", "first", "middle", "last"):
            with expect_raises(ValueError):
                solution.drift_report(_placed(bad, where), GOOD)
            with expect_raises(ValueError):
                solution.drift_report(GOOD, _placed(bad, where))
    with expect_raises(ValueError):
        solution.drift_report(NdArray([1.0, math.nan, 2.0]), GOOD)


@category("errors: values that are not numbers")
def test_non_numbers(solution):
    for bad in ("a", None, "1.5x"):
        for where in ("only", "first", "last"):
            with expect_raises(TypeError, ValueError):
                solution.drift_report(_placed(bad, where), GOOD)
            with expect_raises(TypeError, ValueError):
                solution.drift_report(GOOD, _placed(bad, where))


# ------------------------------------------------------------ large

@kept
def _large_case() -> tuple[list, list, float, float, float]:
    """200,000 integer reference values (many ties) and 200,000 current values drawn from them with a
    skew, plus a few outside the range; psi for 10 and 100 bins and ks, exactly."""
    rng = random.Random(8)
    reference = [int(rng.gauss(0, 3000)) for _ in range(LARGE)]  # n - 1 = 199,999: coprime with 10 and 100
    ordered = sorted(reference)
    current = [ordered[int(rng.random() ** 1.3 * LARGE)] for _ in range(LARGE - 10)]
    current += [ordered[0] - 5] * 4 + [ordered[-1] + 7] * 6
    rng.shuffle(current)
    return reference, current, _psi(reference, current, 10), _psi(reference, current, 100), float(_ks(reference, current))


@category("large: 200,000 values each")
def test_large(solution):
    reference, current, psi10, psi100, ks = _large_case()
    for bins, want in ((10, psi10), (100, psi100)):
        psi, got_ks = _report(solution, reference, current, bins)
        expect(_close(psi, want), f"bins={bins}: psi is {psi!r}, expected {want!r}", expected=want, actual=psi)
        expect(_close(got_ks, ks), f"ks is {got_ks!r}, expected {ks!r}", expected=ks, actual=got_ks)
