"""Hidden properties of `pca`: centred, ddof = 1, decreasing variance, signs fixed, subspaces for repeats.

The oracle is the exact sample covariance C = Xcᵀ Xc / (n − 1), computed in
`fractions.Fraction` (the data are small integers or integers scaled by powers
of two), rounded once to float64 and diagonalised with `numpy.linalg.eigh`
(the reference uses a thin SVD of the centred data instead). Examples are kept
only when every two distinct eigenvalues are at least 1e-3 of the largest apart
(equal ones, by construction, come out equal to 1e-9) and, in a component that
is unique up to sign, magnitudes either tie exactly or differ by 1e-6 of the
largest: there the expected component, its sign included, is exact to ~1e-12.

What is checked, each against the mathematics rather than the reference's
entries:
- explained variances = the eigenvalues of C, decreasing (within 1e-7 of the largest);
- components orthonormal, each satisfying C v = λ v and lying in the eigenspace
  of its eigenvalue (a subspace check: any orthonormal basis of a repeated
  eigenvalue's eigenspace is accepted);
- the sign rule: the expected sign where the component is unique up to sign,
  and for a repeated eigenvalue the candidate's own vector's largest entry positive;
- projected = Xc · componentsᵀ with the candidate's own components.
"""

from __future__ import annotations

import math
import random
from fractions import Fraction

import numpy as np
from hypothesis import assume, given, settings, strategies as st

from judge.testing import NdArray, call_and_arguments, category, expect, expect_raises, fail, kept

VARIANCE_TOL = 1e-7   # relative to the largest eigenvalue
VECTOR_TOL = 1e-6
SEPARATION = 1e-3     # distinct eigenvalues at least this share of the largest apart
EQUAL = 1e-9          # eigenvalues equal by construction land within this share
TIE_SAFE = 1e-6       # non-tied magnitudes of a unique component at least this share apart
TIE_EXACT = 1e-10     # tied magnitudes (by symmetry) come out within this share
SHAPE_EXAMPLES = 10
entries = st.integers(-4, 4)


# --- the oracle -------------------------------------------------------------------------------------------


class Oracle:
    """Exact covariance, its eigenvalues (decreasing), eigenspace groups and the unique components' signs."""

    def __init__(self, X) -> None:
        n, d = len(X), len(X[0])
        Xf = [[Fraction(v) for v in row] for row in X]
        mean = [sum(row[j] for row in Xf) / n for j in range(d)]
        self.Xc = np.array([[float(v - m) for v, m in zip(row, mean)] for row in Xf])  # exact: dyadic data
        self.C = np.array([[float(sum((row[i] - mean[i]) * (row[j] - mean[j]) for row in Xf) / (n - 1))
                            for j in range(d)] for i in range(d)])
        self._decompose()

    @classmethod
    def from_integers(cls, X) -> Oracle:
        """The same for a large integer table: integer sums, one division per entry."""
        self = cls.__new__(cls)
        A = np.array(X, dtype=np.int64)
        n = len(A)
        s = A.sum(axis=0)
        S = A.T @ A
        self.C = np.array([[float(Fraction(int(n * S[i, j] - s[i] * s[j]), n * (n - 1))) for j in range(A.shape[1])]
                           for i in range(A.shape[1])])
        self.Xc = A - s / n
        self._decompose()
        return self

    def _decompose(self) -> None:
        values, vectors = np.linalg.eigh(self.C)
        order = np.argsort(values)[::-1]
        self.values, self.vectors = values[order], vectors[:, order]
        top = max(float(self.values[0]), 0.0)
        self.top = top
        self.group = []          # group index of each eigenvalue
        self.well_posed = True
        for i, v in enumerate(self.values):
            if i and abs(self.values[i - 1] - v) <= EQUAL * top + 1e-300:
                self.group.append(self.group[-1])
            else:
                if i and self.values[i - 1] - v < SEPARATION * top:
                    self.well_posed = False
                self.group.append(i)
        self.unique = [self.group.count(g) == 1 for g in self.group]
        self.expected = [self._signed(self.vectors[:, i]) if self.unique[i] else None for i in range(len(self.values))]

    def _signed(self, v: np.ndarray) -> np.ndarray:
        m = np.abs(v)
        top = m.max()
        for a in m:
            gap = top - a
            if TIE_EXACT * top < gap < TIE_SAFE * top:
                self.well_posed = False
        first = int(np.argmax(m >= top * (1 - TIE_EXACT)))
        return -v if v[first] < 0 else v

    def projector(self, i: int) -> np.ndarray:
        cols = [j for j, g in enumerate(self.group) if g == self.group[i]]
        V = self.vectors[:, cols]
        return V @ V.T


def _oracle(X) -> Oracle:
    oracle = Oracle(X)
    assume(oracle.well_posed)
    return oracle


# --- checks ------------------------------------------------------------------------------------------------


def _matrix(value, rows: int, cols: int, what: str) -> np.ndarray:
    ok = isinstance(value, list) and len(value) == rows and all(
        isinstance(r, list) and len(r) == cols and all(
            isinstance(v, (int, float)) and not isinstance(v, bool) for v in r) for r in value)
    expect(ok, f"{what} must be {rows} rows of {cols} numbers (a nested list or a 2-D array)", actual=value)
    array = np.array(value, dtype=float).reshape(rows, cols)
    expect(bool(np.isfinite(array).all()), f"{what} must hold finite numbers", actual=value)
    return array


def _check(result, X, k: int, oracle: Oracle, why: str) -> None:
    n, d = len(X), len(X[0])
    expect(isinstance(result, (list, tuple)) and len(result) == 3,
           "pca must return (components, explained_variance, projected)", actual=result)
    components = _matrix(result[0], k, d, f"components (k = {k} rows of d = {d})")
    expect(isinstance(result[1], list) and len(result[1]) == k and all(
        isinstance(v, (int, float)) and not isinstance(v, bool) for v in result[1]),
        f"explained_variance must be {k} numbers", actual=result[1])
    variance = [float(v) for v in result[1]]
    projected = _matrix(result[2], n, k, f"projected (n = {n} rows of k = {k})")
    scale = oracle.top
    for i in range(k):
        want = float(oracle.values[i])
        if abs(variance[i] - want) > VARIANCE_TOL * scale + 1e-12:
            fail(f"explained_variance[{i}] is {variance[i]!r}, the {_ordinal(i)} largest eigenvalue of the "
                 f"covariance (ddof = 1) is {want!r} ({why})", expected=oracle.values[:k].tolist(), actual=variance)
    gram = components @ components.T
    for i in range(k):
        for j in range(k):
            if abs(gram[i, j] - (i == j)) > VECTOR_TOL:
                fail(f"components must be orthonormal: row {i} · row {j} is {gram[i, j]:.9g}, not {int(i == j)} ({why})",
                     actual=components.tolist())
    for i in range(k):
        v = components[i]
        residual = oracle.C @ v - oracle.values[i] * v
        if np.abs(residual).max() > VECTOR_TOL * max(scale, 1e-300) and scale > 0:
            fail(f"component {i} is not an eigenvector of the covariance for eigenvalue {oracle.values[i]:.9g}: "
                 f"C v − λ v has an entry {np.abs(residual).max():.3g} ({why})", actual=v.tolist())
        outside = np.abs(oracle.projector(i) @ v - v).max()
        if outside > VECTOR_TOL:
            fail(f"component {i} is not in the eigenspace of the {_ordinal(i)} largest eigenvalue "
                 f"({oracle.values[i]:.9g}): {outside:.3g} of it lies outside ({why})", actual=v.tolist())
        _check_sign(i, v, oracle, why)
    want = oracle.Xc @ components.T
    size = np.abs(oracle.Xc).max() * d + 1e-300
    for r in range(n):
        for c in range(k):
            if abs(projected[r, c] - want[r, c]) > VECTOR_TOL * size:
                fail(f"projected[{r}][{c}] is {projected[r, c]!r}, but (row {r} of X − mean) · component {c} is "
                     f"{want[r, c]!r} ({why})", expected=want[r].tolist(), actual=projected[r].tolist())


def _check_sign(i: int, v: np.ndarray, oracle: Oracle, why: str) -> None:
    m = np.abs(v)
    if oracle.unique[i]:
        u = oracle.expected[i]
        if float(v @ u) < 0:
            top = np.abs(u).max()
            tied = [j for j in range(len(u)) if abs(u[j]) >= top * (1 - TIE_EXACT)]
            rule = (f"entries {tied} tie in magnitude, so the first of them (index {tied[0]}) must be positive"
                    if len(tied) > 1 else f"its largest-magnitude entry (index {tied[0]}) must be positive")
            fail(f"component {i} has the wrong sign: {rule} ({why})", expected=u.tolist(), actual=v.tolist())
        return
    # A repeated eigenvalue: any basis; only the vector's own sign rule, lenient within TIE_SAFE.
    top = m.max()
    near = [j for j in range(len(v)) if m[j] >= top * (1 - TIE_SAFE)]
    if v[near[0]] <= 0 and v[int(np.argmax(m))] <= 0:
        fail(f"component {i} has the wrong sign: its largest-magnitude entry must be positive ({why})",
             actual=v.tolist())


def _ordinal(i: int) -> str:
    return {0: "1st", 1: "2nd", 2: "3rd"}.get(i, f"{i + 1}th")


# --- strategies ---------------------------------------------------------------------------------------------


@st.composite
def tables(draw, min_rows=2, max_rows=10, max_width=4):
    d = draw(st.integers(1, max_width))
    return draw(st.lists(st.lists(entries, min_size=d, max_size=d), min_size=min_rows, max_size=max_rows))


@st.composite
def tasks(draw, **kwargs):
    X = draw(tables(**kwargs))
    k = draw(st.integers(1, min(len(X), len(X[0]))))
    return X, k


# --- examples ------------------------------------------------------------------------------------------------


@category("examples")
def test_statement_example(solution):
    X = [[2, 0], [0, 2], [-2, 0], [0, -2], [3, 3], [-3, -3]]
    _check(solution.pca(X, 2), X, 2, _oracle(X), "the example of the statement")
    X = [[1, 0], [-1, 0], [0, 1], [0, -1]]
    _check(solution.pca(X, 2), X, 2, _oracle(X), "both eigenvalues are 2/3: any orthonormal basis")


# --- the decomposition -----------------------------------------------------------------------------------------


@category("components, variances and projections")
@given(task=tasks())
def test_random_tables(solution, task):
    X, k = task
    _check(solution.pca(X, k), X, k, _oracle(X), f"{len(X)} x {len(X[0])} table, k = {k}")


@category("components, variances and projections")
@given(X=tables(min_rows=3, max_rows=12, max_width=4))
def test_every_k_is_a_prefix(solution, X):
    """k = 1 (first), k = min(n, d) (last) and a middle k: the same leading components."""
    oracle = _oracle(X)
    top = min(len(X), len(X[0]))
    for k in sorted({1, (top + 1) // 2, top}):
        _check(solution.pca(X, k), X, k, oracle, f"k = {k} of at most {top}")


@category("variance uses ddof = 1; data are centred")
@given(X=tables(min_rows=2, max_rows=6, max_width=3), shift=st.sampled_from([1000, -64, 3]))
def test_shift_invariance(solution, X, shift):
    """Adding a constant to every entry changes no component, no variance and no projection."""
    moved = [[v + shift for v in row] for row in X]
    k = min(len(X), len(X[0]))
    _check(solution.pca(moved, k), moved, k, _oracle(moved), f"every entry shifted by {shift}: PCA centres first")


@category("variance uses ddof = 1; data are centred")
def test_two_rows(solution):
    X = [[0, 0], [2, 4]]  # C = [[2, 4], [4, 8]]: variance 10 along (1, 2)/sqrt 5, 0 across
    _check(solution.pca(X, 1), X, 1, _oracle(X), "two rows: n − 1 = 1, so the variance along (1, 2) is 10")


# --- signs and ties -----------------------------------------------------------------------------------------


@st.composite
def swap_symmetric(draw):
    """Rows (a, b, rest) and (b, a, rest): eigenvectors symmetric or antisymmetric in the first two entries."""
    extra = draw(st.integers(0, 2))
    half = draw(st.lists(st.lists(entries, min_size=2 + extra, max_size=2 + extra), min_size=1, max_size=5))
    X = []
    for row in half:
        X += [row, [row[1], row[0]] + row[2:]]
    position = draw(st.integers(0, extra))  # move the symmetric pair to the middle or the end
    return [row[2:2 + position] + row[:2] + row[2 + position:] for row in X]


@category("sign: largest entry positive, first on ties")
@given(X=swap_symmetric())
def test_tied_magnitudes(solution, X):
    k = min(len(X), len(X[0]))
    _check(solution.pca(X, k), X, k, _oracle(X), "a swap-symmetric table: antisymmetric components tie in magnitude")


@category("sign: largest entry positive, first on ties")
@given(task=tasks(), negate=st.booleans())
def test_sign_independent_of_data_orientation(solution, task, negate):
    """X and −X have the same covariance, so the same components (signs included)."""
    X, k = task
    flipped = [[-v for v in row] for row in X] if negate else X
    _check(solution.pca(flipped, k), flipped, k, _oracle(flipped), "the table negated: the same components")


# --- repeated eigenvalues ----------------------------------------------------------------------------------


@st.composite
def isotropic(draw):
    """Rows in 90-degree rotation orbits in two columns (+ optional other columns): a repeated eigenvalue."""
    extra = draw(st.integers(0, 2))
    seeds = draw(st.lists(st.tuples(entries, entries, st.lists(entries, min_size=extra, max_size=extra)),
                          min_size=1, max_size=3))
    X = []
    for a, b, rest in seeds:
        for x, y in ((a, b), (-b, a), (-a, -b), (b, -a)):
            X.append([x, y] + [v if (x, y) in ((a, b), (-a, -b)) else -v for v in rest])
    position = draw(st.integers(0, extra))
    return [row[2:2 + position] + row[:2] + row[2 + position:] for row in X]


@category("repeated eigenvalues: any orthonormal basis")
@given(X=isotropic(), data=st.data())
def test_repeated_eigenvalues(solution, X, data):
    k = data.draw(st.integers(1, min(len(X), len(X[0]))), label="k")
    _check(solution.pca(X, k), X, k, _oracle(X), "rotation-symmetric data: a repeated eigenvalue")


@category("zero variance: constant or duplicated columns, d >= n")
@given(X=tables(min_rows=2, max_rows=6, max_width=3), kind=st.sampled_from(["constant", "twin", "zeros"]),
       where=st.integers(0, 3), value=entries)
def test_zero_variance_directions(solution, X, kind, where, value):
    position = where % (len(X[0]) + 1)
    extra = {"constant": [value] * len(X), "twin": [row[0] for row in X], "zeros": [0] * len(X)}[kind]
    X = [row[:position] + [e] + row[position:] for row, e in zip(X, extra)]
    k = min(len(X), len(X[0]))
    _check(solution.pca(X, k), X, k, _oracle(X), f"a {kind} column at {position}")


@category("zero variance: constant or duplicated columns, d >= n")
@given(task=tasks(min_rows=2, max_rows=3, max_width=4))
def test_more_features_than_rows(solution, task):
    X, k = task
    _check(solution.pca(X, k), X, k, _oracle(X), f"{len(X)} rows, {len(X[0])} features")


@category("zero variance: constant or duplicated columns, d >= n")
@given(row=st.lists(entries, min_size=1, max_size=4), n=st.integers(2, 5))
def test_identical_rows(solution, row, n):
    X = [list(row) for _ in range(n)]
    k = min(n, len(row))
    _check(solution.pca(X, k), X, k, _oracle(X), "every row the same: every variance is 0")


# --- scale, input types, arguments ----------------------------------------------------------------------------


@category("huge and tiny values (scaled by powers of two)")
@given(task=tasks(), power=st.sampled_from([-20, 20, 40]))
def test_scaled(solution, task, power):
    X, k = task
    scaled = [[v * 2.0 ** power for v in row] for row in X]
    _check(solution.pca(scaled, k), scaled, k, _oracle(scaled), f"entries scaled by 2^{power}")


@category("NumPy arrays as input")
@given(task=tasks())
def test_numpy_input(solution, task):
    X, k = task
    _check(solution.pca(NdArray(X), k), X, k, _oracle(X), "X as a NumPy array")


@category("arguments are not modified")
@given(task=tasks())
def test_arguments_not_modified(solution, task):
    X, k = task
    floats = [[float(v) for v in row] for row in X]
    for as_array in (True, False):
        after = call_and_arguments(solution, "pca", NdArray(floats) if as_array else [list(r) for r in floats], k)
        if after.args[0] != floats:
            fail(f"pca must not modify X ({'a NumPy array' if as_array else 'lists'}): after the call, X was",
                 expected=floats, actual=after.args[0])
        _check(after.value, X, k, _oracle(X), "the same table")


# --- errors -------------------------------------------------------------------------------------------------------


@category("n_components: TypeError if not an int, ValueError out of range")
@given(task=tasks(), bad=st.sampled_from([1.0, 2.0, "2", None, 1.5]))
def test_n_components_type(solution, task, bad):
    with expect_raises(TypeError):
        solution.pca(task[0], bad)


@category("n_components: TypeError if not an int, ValueError out of range")
@given(task=tasks(), offset=st.sampled_from([1, 2, 10]), low=st.sampled_from([0, -1, -5]))
def test_n_components_range(solution, task, offset, low):
    X = task[0]
    with expect_raises(ValueError):
        solution.pca(X, min(len(X), len(X[0])) + offset)
    with expect_raises(ValueError):
        solution.pca(X, low)


@category("malformed X: ValueError")
@settings(max_examples=SHAPE_EXAMPLES)
@given(task=tasks(), where=st.integers(0, 20), as_array=st.booleans())
def test_bad_shapes(solution, task, where, as_array):
    X, k = task
    for bad in ([], [X[0]]):
        with expect_raises(ValueError):
            solution.pca(NdArray(bad) if as_array and bad else bad, 1)
    ragged = [list(row) for row in X]
    ragged[where % len(X)] = ragged[where % len(X)] + [1]
    with expect_raises(ValueError):
        solution.pca(ragged, 1)
    with expect_raises(ValueError):
        solution.pca([[] for _ in X], 1)


@category("malformed X: ValueError")
@settings(max_examples=SHAPE_EXAMPLES * 2)
@given(task=tasks(), bad=st.sampled_from([math.nan, math.inf, -math.inf]), where=st.integers(0, 60),
       as_array=st.booleans())
def test_non_finite(solution, task, bad, where, as_array):
    X, k = task
    X = [[float(v) for v in row] for row in X]
    X[where % len(X)][(where // len(X)) % len(X[0])] = bad
    with expect_raises(ValueError):
        solution.pca(NdArray(X) if as_array else X, k)


@category("malformed X: ValueError")
def test_non_finite_every_position(solution):
    for bad in (math.nan, math.inf):
        for i in range(3):
            for j in range(2):
                X = [[1.0, 2.0], [3.0, 5.0], [4.0, 4.0]]
                X[i][j] = bad
                with expect_raises(ValueError):
                    solution.pca(X, 1)


# --- large input -----------------------------------------------------------------------------------------------


@kept
def _large() -> dict:
    rng = random.Random(41)
    spreads = [60, 35, 20, 12, 6, 2]
    rows = []
    for _ in range(20_000):
        z = [rng.randrange(-s, s + 1) for s in spreads]
        rows.append([z[0] + z[1], z[0] - z[1], z[2] + z[3], z[2], z[4] - z[5], z[5]])
    oracle = Oracle.from_integers(rows)
    return {"X": rows, "values": oracle.values.tolist(), "C": oracle.C.tolist()}


@category("large input: 20 000 rows x 6 features")
def test_large(solution):
    large = _large()
    X = large["X"]
    oracle = Oracle.from_integers(X)
    expect(oracle.well_posed, "the large input is well posed")
    _check(solution.pca(NdArray(X), 3), X, 3, oracle, "20 000 rows x 6 features, k = 3")
