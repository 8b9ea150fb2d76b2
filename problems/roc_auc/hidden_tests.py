"""Hidden properties of `roc_auc`: the contract in spec.md, rule by rule.

Small inputs are checked against the definition itself, every positive against
every negative, counted exactly (fractions), so the oracle shares no code or
idea with a sort-based solution. Scores come from small sets that make ties
frequent, with infinities and both signed zeros among them; comparing two
floats is exact, so there is no rounding to keep out: a correct solution's only
rounding is its final division (or a sum of trapezoids), far inside the 1e-9
tolerance.
"""

from __future__ import annotations

import math
import random
from fractions import Fraction

from hypothesis import given, settings, strategies as st

from judge.testing import NdArray, category, expect, expect_raises, kept

TOLERANCE = 1e-9
# Input-shape rules show on almost any example: fewer are enough.
SHAPE_EXAMPLES = 12
INF = math.inf
# P x N is about 2.4e9 here: pairwise comparison is far over the time limit, a
# NumPy table of it far over the memory limit.
LARGE = 100_000
# Few distinct values, so ties are everywhere; -0.0 equals 0.0 and inf equals inf.
TIED_SCORES = [-INF, -2, -0.5, -0.0, 0.0, 0.5, 1, 3, INF]
# Any real number an order can be built from: signed zeros, subnormals, huge
# magnitudes, infinities; ints stay exact in float64.
ANY_SCORE = st.one_of(
    st.floats(allow_nan=False),
    st.integers(min_value=-(2**53), max_value=2**53),
    st.sampled_from([-INF, INF, 0.0, -0.0, 5e-324, -5e-324, 1.7976931348623157e308]),
)
# The forms a label may take: 0/1 ints, bools, 0.0/1.0 floats.
LABEL_FORMS = {"int": (0, 1), "bool": (False, True), "float": (0.0, 1.0)}
BAD_LABELS = [2, -1, 0.5, 1.5, 3.0, 10, math.nan, -0.5]


@st.composite
def labelled(draw: st.DrawFn, scores=st.sampled_from(TIED_SCORES), max_size: int = 16,
             form: str | None = None) -> tuple[list, list]:
    """(y_true, y_score) with at least one positive and one negative."""
    bits = draw(st.lists(st.integers(0, 1), min_size=2, max_size=max_size).filter(lambda b: 0 in b and 1 in b))
    values = draw(st.lists(scores, min_size=len(bits), max_size=len(bits)))
    if form is None:
        # Each label in its own form: ints, bools and floats mixed in one list.
        forms = draw(st.lists(st.sampled_from(sorted(LABEL_FORMS)), min_size=len(bits), max_size=len(bits)))
        return [LABEL_FORMS[f][b] for f, b in zip(forms, bits)], values
    return [LABEL_FORMS[form][b] for b in bits], values


def _exact(y_true, y_score) -> Fraction:
    """The definition: wins + 1/2 ties over all (positive, negative) pairs."""
    positives = [s for label, s in zip(y_true, y_score) if label == 1]
    negatives = [s for label, s in zip(y_true, y_score) if label == 0]
    twice = sum(2 if p > q else 1 if p == q else 0 for p in positives for q in negatives)
    return Fraction(twice, 2 * len(positives) * len(negatives))


def _exact_sorted(y_true, y_score) -> Fraction:
    """The same value in O(n log n), for inputs too large for the pairwise definition."""
    pairs = sorted(zip(y_score, y_true))
    twice, below, index = 0, 0, 0
    while index < len(pairs):
        end = index
        while end < len(pairs) and pairs[end][0] == pairs[index][0]:
            end += 1
        tied_pos = sum(1 for _, label in pairs[index:end] if label == 1)
        tied_neg = (end - index) - tied_pos
        twice += tied_pos * (2 * below + tied_neg)
        below += tied_neg
        index = end
    positives = sum(1 for label in y_true if label == 1)
    return Fraction(twice, 2 * positives * (len(y_true) - positives))


def _check(solution, y_true, y_score, why: str, *, arrays: tuple[bool, bool] = (False, False),
           expected: Fraction | None = None) -> None:
    want = _exact(y_true, y_score) if expected is None else expected
    got = solution.roc_auc(NdArray(y_true) if arrays[0] else y_true, NdArray(y_score) if arrays[1] else y_score)
    is_number = isinstance(got, (int, float)) and not isinstance(got, bool)
    expect(is_number, "roc_auc must return a float", actual=got)
    expect(abs(got - want) <= TOLERANCE, why, expected=float(want), actual=got)


# --- worked examples ---------------------------------------------------------------


@category("examples")
def test_statement_examples(solution):
    _check(solution, [0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8], "3 of the 4 (positive, negative) pairs are ordered right")
    _check(solution, [0, 1, 0, 1], [0.5, 0.5, 0.2, 0.9], "a tied pair counts one half: (1 + 0.5 + 1 + 1) / 4")
    _check(solution, [1, 0, 1, 0, 1], [3, 3, 3, 3, 3], "when every score ties, the AUC is 0.5")


@category("perfect, reversed and constant rankings")
@given(data=labelled(scores=st.integers(-5, 5)))
def test_perfect_and_reversed_rankings(solution, data):
    y_true, raw = data
    ranked = [s + 100 * (label == 1) for label, s in zip(y_true, raw)]
    _check(solution, y_true, ranked, "every positive scores above every negative: AUC 1")
    reversed_ = [s - 100 * (label == 1) for label, s in zip(y_true, raw)]
    _check(solution, y_true, reversed_, "every positive scores below every negative: AUC 0")


@category("perfect, reversed and constant rankings")
@given(data=labelled(), score=st.sampled_from(TIED_SCORES))
def test_constant_score_gives_one_half(solution, data, score):
    y_true, _ = data
    _check(solution, y_true, [score] * len(y_true), "every score ties: every pair counts one half")


# --- ties ------------------------------------------------------------------------------


@category("tied scores count one half")
@given(data=labelled(scores=st.sampled_from([0, 1, 2]), form="int"))
def test_ties_between_a_positive_and_a_negative(solution, data):
    _check(solution, *data, "a positive and a negative with equal scores count one half")


@category("tied scores count one half")
@given(data=labelled(max_size=30))
def test_many_ties_with_infinities_and_signed_zeros(solution, data):
    _check(solution, *data, "ties (inf with inf, -0.0 with 0.0) count one half")


@category("only the order of the scores matters")
@given(data=labelled(scores=st.integers(-6, 6), form="int"), which=st.sampled_from(["2**s", "-1/(s+7)", "s*1e300"]))
def test_monotone_transform_keeps_the_value(solution, data, which):
    y_true, raw = data
    transform = {"2**s": lambda s: 2.0 ** (60 * s), "-1/(s+7)": lambda s: -1 / (s + 7),
                 "s*1e300": lambda s: -INF if s == -6 else INF if s == 6 else s * 1e300}[which]
    scores = [transform(s) for s in raw]
    _check(solution, y_true, scores, f"scores transformed by an increasing function ({which}) give the same AUC",
           expected=_exact(y_true, raw))


# --- infinity and arbitrary floats -------------------------------------------------------


@category("infinite scores are ordinary scores")
@given(data=labelled(scores=st.sampled_from([-INF, 0, INF]), form="int"))
def test_infinities(solution, data):
    _check(solution, *data, "inf is above every finite score and ties with inf; -inf likewise below")


@category("any real scores")
@given(data=labelled(scores=ANY_SCORE, max_size=20))
def test_arbitrary_floats(solution, data):
    _check(solution, *data, "the AUC of these scores")


# --- label forms and NumPy input ------------------------------------------------------------


@category("labels as ints, bools or floats")
@given(data=labelled(), form=st.sampled_from(sorted(LABEL_FORMS)))
def test_label_forms(solution, data, form):
    y_true, scores = data
    bits = [int(label == 1) for label in y_true]
    _check(solution, [LABEL_FORMS[form][b] for b in bits], scores, f"labels given as {form}s")


@category("NumPy arrays as input")
@given(data=labelled(max_size=20, form="int"), arrays=st.sampled_from([(True, True), (True, False), (False, True)]))
def test_numpy_arrays(solution, data, arrays):
    _check(solution, *data, "the same AUC from NumPy arrays", arrays=arrays)


# --- errors --------------------------------------------------------------------------------


@category("lengths differ: ValueError")
@settings(max_examples=SHAPE_EXAMPLES)
@given(data=labelled(), change=st.integers(-3, 3).filter(bool), as_arrays=st.booleans())
def test_lengths_differ(solution, data, change, as_arrays):
    y_true, scores = data
    scores = (scores + [1, 2, 3])[: len(scores) + change]  # never len(y_true): change is not 0
    with expect_raises(ValueError):
        solution.roc_auc(NdArray(y_true) if as_arrays else y_true, NdArray(scores) if as_arrays else scores)


@category("a label other than 0 or 1: ValueError")
@settings(max_examples=SHAPE_EXAMPLES * 2)
@given(data=labelled(), bad=st.sampled_from(BAD_LABELS), where=st.integers(0, 100), as_array=st.booleans())
def test_label_not_zero_or_one(solution, data, bad, where, as_array):
    y_true, scores = data
    y_true[where % len(y_true)] = bad
    with expect_raises(ValueError):
        solution.roc_auc(NdArray(y_true) if as_array else y_true, scores)


@category("NaN score: ValueError")
@settings(max_examples=SHAPE_EXAMPLES * 2)
@given(data=labelled(), where=st.integers(0, 100), as_array=st.booleans())
def test_nan_score(solution, data, where, as_array):
    y_true, scores = data
    scores[where % len(scores)] = math.nan
    with expect_raises(ValueError):
        solution.roc_auc(y_true, NdArray(scores) if as_array else scores)


@category("no positive or no negative: ValueError")
@settings(max_examples=SHAPE_EXAMPLES * 2)
@given(n=st.integers(1, 8), label=st.sampled_from([0, 1, False, True, 0.0, 1.0]),
       score=st.sampled_from(TIED_SCORES), as_arrays=st.booleans())
def test_single_class(solution, n, label, score, as_arrays):
    y_true, y_score = [label] * n, [score] * n
    with expect_raises(ValueError):
        solution.roc_auc(NdArray(y_true) if as_arrays else y_true, NdArray(y_score) if as_arrays else y_score)


@category("no positive or no negative: ValueError")
def test_empty_input(solution):
    with expect_raises(ValueError):
        solution.roc_auc([], [])
    with expect_raises(ValueError):
        solution.roc_auc(NdArray([]), NdArray([]))


# --- large inputs: time and memory -------------------------------------------------------------


@kept
def _large(distinct: bool) -> tuple[list[int], list[float], Fraction]:
    """100 000 labelled scores (all distinct, or about 2000 values each shared by many), and their AUC."""
    rng = random.Random(12 if distinct else 13)
    y_true = [int(rng.random() < 0.4) for _ in range(LARGE)]
    if distinct:
        y_score = [rng.gauss(label, 1.0) for label in y_true]
    else:
        y_score = [rng.randrange(1000) / 8 + 100 * (rng.random() < 0.3) * label for label in y_true]
    return y_true, y_score, _exact_sorted(y_true, y_score)


@category("large input: 100 000 distinct scores")
def test_large_distinct_scores(solution):
    y_true, y_score, auc = _large(True)
    _check(solution, y_true, y_score, "the AUC of 100 000 distinct scores", expected=auc)


@category("large input: 100 000 scores in tied groups")
def test_large_tied_scores(solution):
    y_true, y_score, auc = _large(False)
    _check(solution, y_true, y_score, "the AUC of 100 000 scores in about 2000 groups of tied scores", expected=auc)
