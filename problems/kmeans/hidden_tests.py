"""Hidden properties of `kmeans`: the contract in spec.md, rule by rule.

Small runs are checked against an exact simulation of Lloyd's algorithm in
fractions. The contract promises that rounding never decides anything, and
the simulation keeps that promise for every example it accepts:

- points are small integers, starting centroids integers and halves;
- a tie (a point at equal distance from two centroids, or a shift equal to
  tol) is kept only when every centroid involved is one that any float64
  formula computes exactly: a starting centroid, or the mean of at most two
  points;
- any other decision must be clear by a relative margin of MARGIN; an example
  with a closer call is skipped (`assume`), which with these small rationals
  is rare.

Labels and n_iter are then compared exactly, centroids with
math.isclose(rel_tol=1e-6, abs_tol=1e-6).
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from fractions import Fraction

from hypothesis import assume, given, settings, strategies as st

from judge.testing import NdArray, call_and_arguments, category, expect, expect_raises, fail, kept

MARGIN = 1e-6  # relative; the contract promises more than 1e-7
REL_TOL = ABS_TOL = 1e-6
SHAPE_EXAMPLES = 10
coordinates = st.integers(-4, 4)
halves = st.integers(-8, 8).map(lambda v: v / 2)
TOLS = [0.0, 1e-4, 0.5, 1.0, 2.0, math.inf]


# --- strategies ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Problem:
    X: list
    centroids: list
    max_iter: int | None = None
    tol: float | None = None

    def kwargs(self) -> dict:
        given_ = {"max_iter": self.max_iter, "tol": self.tol}
        return {k: v for k, v in given_.items() if v is not None}


@st.composite
def problems(draw: st.DrawFn, max_points: int = 10, max_k: int = 4, max_width: int = 2,
             from_points: bool | None = None, defaults: bool = False) -> Problem:
    width = draw(st.integers(1, max_width))
    row = st.lists(coordinates, min_size=width, max_size=width)
    X = draw(st.lists(row, min_size=1, max_size=max_points))
    k = draw(st.integers(1, max_k))
    if from_points if from_points is not None else draw(st.booleans()):
        # Starting centroids picked among the points (repeats allowed), as most initialisations do.
        centroids = [list(X[i]) for i in draw(st.lists(st.integers(0, len(X) - 1), min_size=k, max_size=k))]
    else:
        centroids = draw(st.lists(st.lists(halves, min_size=width, max_size=width), min_size=k, max_size=k))
    if defaults:
        return Problem(X, centroids)
    return Problem(X, centroids, draw(st.integers(0, 6)), draw(st.sampled_from(TOLS)))


# --- the exact simulation ------------------------------------------------------------------------


@dataclass
class Outcome:
    labels: list[int]
    centroids: list[list[Fraction]]
    n_iter: int


class TooClose(Exception):
    """A decision rounding could tip: the example is not used."""


def _assign(points, cents, exact) -> list[int]:
    labels = []
    for p in points:
        dists = [sum((a - b) ** 2 for a, b in zip(p, c)) for c in cents]
        best = min(dists)
        label = dists.index(best)
        for j, d in enumerate(dists):
            if j == label:
                continue
            if d == best:
                if not (exact[j] and exact[label]):
                    raise TooClose
            elif d - best <= MARGIN * d:
                raise TooClose
        labels.append(label)
    return labels


def simulate(problem: Problem) -> Outcome:
    """Lloyd's algorithm in exact arithmetic; raises TooClose for a decision float64 might tip."""
    max_iter = 100 if problem.max_iter is None else problem.max_iter
    tol = 1e-4 if problem.tol is None else problem.tol
    points = [[Fraction(v) for v in row] for row in problem.X]
    cents = [[Fraction(v) for v in row] for row in problem.centroids]
    exact = [True] * len(cents)
    n_iter = 0
    while n_iter < max_iter:
        labels = _assign(points, cents, exact)
        moved, still_exact = [], []
        for j, c in enumerate(cents):
            members = [p for p, label in zip(points, labels) if label == j]
            if members:
                moved.append([sum(axis, Fraction(0)) / len(members) for axis in zip(*members)])
                still_exact.append(len(members) <= 2)
            else:
                moved.append(c)
                still_exact.append(exact[j])
        shift2 = max(sum((a - b) ** 2 for a, b in zip(old, new)) for old, new in zip(cents, moved))
        n_iter += 1
        done = math.isinf(tol) or shift2 <= Fraction(tol) ** 2
        if not math.isinf(tol):
            tol2 = Fraction(tol) ** 2
            if shift2 == tol2 and shift2 != 0 and not (all(exact) and all(still_exact)):
                raise TooClose
            if shift2 != tol2 and abs(shift2 - tol2) <= 2 * MARGIN * max(shift2, tol2):
                raise TooClose
        cents, exact = moved, still_exact
        if done:
            break
    return Outcome(_assign(points, cents, exact), cents, n_iter)


def _expected(problem: Problem) -> Outcome:
    try:
        return simulate(problem)
    except TooClose:
        assume(False)
        raise  # unreachable: assume(False) ends the example


# --- checking a result ------------------------------------------------------------------------------


def _number(v) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v)


def _what(value) -> str:
    """A non-number in words: NaN and infinities by name, anything else by its type."""
    if isinstance(value, float):
        return "NaN" if math.isnan(value) else f"{value} (infinite)"
    return f"a {type(value).__name__} ({value!r})"


def _unpack(result, n: int, k: int, width: int):
    expect(isinstance(result, (tuple, list)) and len(result) == 3,
           "kmeans must return a tuple (labels, centroids, n_iter)", actual=result)
    labels, cents, n_iter = result
    expect(isinstance(labels, list) and len(labels) == n and all(type(v) is int for v in labels),
           f"labels must be a list (or 1-D array) of {n} ints", actual=labels)
    expect(isinstance(cents, list) and len(cents) == k
           and all(isinstance(r, (list, tuple)) and len(r) == width for r in cents),
           f"centroids must be {k} rows of {width} numbers", actual=cents)
    for index, row in enumerate(cents):
        bad = next((v for v in row if not _number(v)), None)
        expect(bad is None, f"centroid {index} holds {_what(bad)}: every centroid is finite "
                            "(an empty cluster keeps its previous centroid)", actual=cents)
    expect(type(n_iter) is int, "n_iter must be an int", actual=n_iter)
    return labels, cents, n_iter


def _compare(result, problem: Problem, want: Outcome) -> None:
    width = len(problem.X[0])
    labels, cents, n_iter = _unpack(result, len(problem.X), len(problem.centroids), width)
    expect(n_iter == want.n_iter, "n_iter: the number of steps done (a step whose shift is <= tol counts, and "
           "no more than max_iter)", expected=want.n_iter, actual=n_iter)
    for j, (got, exact) in enumerate(zip(cents, want.centroids)):
        expected_row = [float(v) for v in exact]
        if not all(math.isclose(g, e, rel_tol=REL_TOL, abs_tol=ABS_TOL) for g, e in zip(got, expected_row)):
            fail(f"final centroid {j}", expected=expected_row, actual=got)
    if labels != want.labels:
        i = next(i for i, (a, b) in enumerate(zip(labels, want.labels)) if a != b)
        fail(f"labels[{i}]: point {problem.X[i]} is nearest to the returned centroid {want.labels[i]} "
             f"(ties go to the smallest index)", expected=want.labels, actual=labels)


def _run(solution, problem: Problem, arrays: tuple[bool, bool] = (False, False)):
    X = NdArray(problem.X) if arrays[0] else problem.X
    C = NdArray(problem.centroids) if arrays[1] else problem.centroids
    return solution.kmeans(X, C, **problem.kwargs())


def _check(solution, problem: Problem, arrays: tuple[bool, bool] = (False, False)) -> None:
    want = _expected(problem)
    _compare(_run(solution, problem, arrays), problem, want)


# --- worked examples ----------------------------------------------------------------------------------


@category("examples")
def test_statement_examples(solution):
    _check(solution, Problem([[0, 0], [0, 2], [10, 0], [10, 2]], [[0, 0], [1, 1]]))
    _check(solution, Problem([[0], [2], [4]], [[1], [3]], max_iter=1))
    _check(solution, Problem([[0], [1], [5]], [[0], [0], [9]], max_iter=10, tol=0.0))


# --- Lloyd's steps ------------------------------------------------------------------------------------


@category("Lloyd steps from the given centroids")
@given(problem=problems())
def test_matches_an_exact_lloyd_run(solution, problem):
    _check(solution, problem)


@category("Lloyd steps from the given centroids")
@given(problem=problems(defaults=True, max_points=8))
def test_default_max_iter_and_tol(solution, problem):
    _check(solution, problem)


@category("ties go to the smallest centroid index")
@given(problem=problems(from_points=False, max_k=4), shift=st.sampled_from([0.0, 0.5, 1.0]))
def test_equidistant_points(solution, problem, shift):
    # Centroids in symmetric pairs around the points make equal distances common.
    mirrored = problem.centroids + [[2 * shift - c for c in row] for row in problem.centroids]
    _check(solution, Problem(problem.X, mirrored, problem.max_iter, problem.tol))


@category("ties go to the smallest centroid index")
@given(problem=problems(from_points=True, max_k=3), copies=st.integers(2, 3))
def test_repeated_starting_centroids(solution, problem, copies):
    # Repeats tie for every point: the first copy takes them all, the others keep no point and stay.
    _check(solution, Problem(problem.X, problem.centroids * copies, problem.max_iter, problem.tol))


@category("a centroid without points stays where it is")
@given(problem=problems(max_points=5, max_k=3), far=st.lists(st.sampled_from([-40.0, 40.0, 30.5]), min_size=1, max_size=3))
def test_empty_clusters_stay(solution, problem, far):
    width = len(problem.X[0])
    extra = [[v] * width for v in far]
    _check(solution, Problem(problem.X, problem.centroids + extra, problem.max_iter, problem.tol))


@category("a centroid without points stays where it is")
@given(problem=problems(max_points=3, max_k=1), extra=st.integers(1, 4))
def test_more_centroids_than_points(solution, problem, extra):
    width = len(problem.X[0])
    centroids = problem.centroids + [[float(2 * i)] * width for i in range(len(problem.X) + extra)]
    _check(solution, Problem(problem.X, centroids, problem.max_iter, problem.tol))


# --- stopping ---------------------------------------------------------------------------------------


@category("stopping: shift <= tol (that step counts), or max_iter steps")
@given(problem=problems(), tol=st.sampled_from([0.0, 0.5, 1.0, 1.5, 2.0]))
def test_stops_at_shift_within_tol(solution, problem, tol):
    _check(solution, Problem(problem.X, problem.centroids, 20, tol))


@category("stopping: shift <= tol (that step counts), or max_iter steps")
@given(problem=problems())
def test_max_iter_zero_does_no_step(solution, problem):
    _check(solution, Problem(problem.X, problem.centroids, 0, problem.tol))


@category("stopping: shift <= tol (that step counts), or max_iter steps")
@given(problem=problems(), steps=st.integers(1, 3))
def test_max_iter_caps_the_steps(solution, problem, steps):
    _check(solution, Problem(problem.X, problem.centroids, steps, 0.0))


# --- input forms and the input left alone ------------------------------------------------------------


@category("NumPy arrays as input")
@given(problem=problems(), arrays=st.sampled_from([(True, True), (True, False), (False, True)]))
def test_numpy_arrays(solution, problem, arrays):
    _check(solution, problem, arrays)


@category("the arguments are not modified")
@given(problem=problems(), arrays=st.sampled_from([(False, False), (True, True), (False, True)]))
def test_arguments_not_modified(solution, problem, arrays):
    want = _expected(problem)
    X = NdArray(problem.X) if arrays[0] else problem.X
    C = NdArray(problem.centroids) if arrays[1] else problem.centroids
    after = call_and_arguments(solution, "kmeans", X, C, **problem.kwargs())
    _compare(after.value, problem, want)
    for name, sent, left in (("X", problem.X, after.args[0]), ("centroids", problem.centroids, after.args[1])):
        if left != [[float(v) for v in row] for row in sent] and left != sent:
            fail(f"kmeans must not modify its arguments: after the call, {name} was", expected=sent, actual=left)


# --- errors -----------------------------------------------------------------------------------------------


def _rejects(solution, X, centroids, **kwargs) -> None:
    with expect_raises(ValueError):
        solution.kmeans(X, centroids, **kwargs)


@category("malformed X or centroids: ValueError")
@settings(max_examples=SHAPE_EXAMPLES)
@given(problem=problems(), as_array=st.booleans())
def test_no_rows(solution, problem, as_array):
    _rejects(solution, NdArray([]) if as_array else [], problem.centroids)
    _rejects(solution, problem.X, NdArray([]) if as_array else [])


@category("malformed X or centroids: ValueError")
@settings(max_examples=SHAPE_EXAMPLES)
@given(problem=problems(), which=st.sampled_from(["X", "centroids"]))
def test_rows_of_unequal_or_zero_length(solution, problem, which):
    ragged = lambda rows: rows + [rows[0] + [1]]  # noqa: E731
    empty = lambda rows: [[] for _ in rows]  # noqa: E731
    for change in (ragged, empty):
        if which == "X":
            _rejects(solution, change(problem.X), problem.centroids if change is ragged else [[]])
        else:
            _rejects(solution, problem.X, change(problem.centroids))


@category("malformed X or centroids: ValueError")
@settings(max_examples=SHAPE_EXAMPLES)
@given(problem=problems(), extra=st.integers(1, 2), wider=st.booleans(), as_arrays=st.booleans())
def test_centroid_width_differs(solution, problem, extra, wider, as_arrays):
    width = len(problem.X[0])
    new_width = width + extra if wider or width == 1 else width - 1
    centroids = [[0.5] * new_width for _ in problem.centroids]
    _rejects(solution, NdArray(problem.X) if as_arrays else problem.X, NdArray(centroids) if as_arrays else centroids)


@category("NaN or infinity: ValueError")
@given(problem=problems(), bad=st.sampled_from([math.nan, math.inf, -math.inf]), in_x=st.booleans(),
       where=st.integers(0, 50), as_arrays=st.booleans())
def test_non_finite_values(solution, problem, bad, in_x, where, as_arrays):
    X = [[float(v) for v in row] for row in problem.X]
    C = [list(row) for row in problem.centroids]
    rows = X if in_x else C
    rows[where % len(rows)][where % len(rows[0])] = bad
    _rejects(solution, NdArray(X) if as_arrays else X, NdArray(C) if as_arrays else C)


@category("invalid max_iter or tol: ValueError")
@settings(max_examples=SHAPE_EXAMPLES)
@given(problem=problems(), max_iter=st.integers(max_value=-1))
def test_negative_max_iter(solution, problem, max_iter):
    _rejects(solution, problem.X, problem.centroids, max_iter=max_iter)


@category("invalid max_iter or tol: ValueError")
@settings(max_examples=SHAPE_EXAMPLES)
@given(problem=problems(), tol=st.sampled_from([-1e-4, -1.0, -math.inf, math.nan]))
def test_negative_or_nan_tol(solution, problem, tol):
    _rejects(solution, problem.X, problem.centroids, tol=tol)


# --- a large input: time ---------------------------------------------------------------------------------


LARGE_POINTS = 10_000


@kept
def _large(reference_kmeans) -> tuple[list, list, tuple]:
    """Five Gaussian blobs in the plane, started from five points of the first blob."""
    rng = random.Random(31)
    centres = [(0, 0), (6, 1), (2, 7), (-5, 4), (9, -6)]
    X = [[rng.gauss(cx, 1.3), rng.gauss(cy, 1.3)] for _ in range(LARGE_POINTS // 5) for cx, cy in centres]
    start = [list(X[5 * i]) for i in range(5)]
    return X, start, reference_kmeans(X, start, max_iter=60, tol=1e-9)


@category("large input: 10 000 points, 5 centroids")
def test_large_input(solution, reference):
    # Seed chosen (and checked once, offline) so that no decision of this run is closer than 1e-6 relative.
    X, start, (labels, cents, n_iter) = _large(reference.kmeans)
    result = solution.kmeans(X, start, max_iter=60, tol=1e-9)
    got_labels, got_cents, got_n = _unpack(result, len(X), 5, 2)
    expect(got_n == n_iter, "n_iter on 10 000 points", expected=n_iter, actual=got_n)
    for j, (got, want) in enumerate(zip(got_cents, cents)):
        if not all(math.isclose(g, w, rel_tol=REL_TOL, abs_tol=ABS_TOL) for g, w in zip(got, want)):
            fail(f"final centroid {j} on 10 000 points", expected=want, actual=got)
    differing = sum(a != b for a, b in zip(got_labels, labels))
    expect(differing == 0, f"{differing} of the 10 000 labels differ from the nearest returned centroid")
