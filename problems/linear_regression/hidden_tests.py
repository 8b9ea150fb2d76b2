"""Hidden properties of `LinearRegression`: least squares and ridge, rule by rule.

The oracle is exact: the data are small integers (or integers scaled by powers
of two), so the centred Gram matrix A = XcᵀXc and c = Xcᵀyc are computed in
`fractions.Fraction` from integer sums, and the answer solves (A + alpha I) w = c,
or for alpha = 0 is the minimum-norm solution (w in the range of A, found by
exact elimination). It shares no code with the reference (an SVD in NumPy).

Beyond agreement with the oracle, the tests check the mathematics the spec
states: the normal equations Xcᵀ(yc − Xc w) = alpha w, residuals summing to zero
when the intercept is fitted, and for alpha = 0 a coefficient vector orthogonal
to the null space of Xc (minimum norm).

Every example is kept well conditioned (non-zero singular values of Xc at least
1e-3 of the largest, checked exactly and filtered with `assume`), so any correct
float64 method (normal equations, QR, SVD, lstsq, pinv) lands within 1e-10 of
the exact answer relative to the scale, far inside the 1e-6 tolerance.

`coef_` and `intercept_` are attributes; the proxy calls only methods, so they are
read with `__getattribute__` through the instance (see `_attribute`).
"""

from __future__ import annotations

import math
import random
from fractions import Fraction

import numpy as np
from hypothesis import assume, given, settings, strategies as st

from judge.testing import NdArray, attribute, category, expect, expect_raises, fail, kept, method_and_arguments

REL_TOL = 1e-6
COND_FLOOR = 1e-6  # smallest non-zero eigenvalue of XcᵀXc over the largest (singular values: 1e-3)
SHAPE_EXAMPLES = 10
ALPHAS = [0.0, 0.5, 1.0, 3.0, 10.0]
entries = st.integers(-4, 4)
targets = st.integers(-10, 10)


# --- the exact oracle ------------------------------------------------------------------------------


def _exact_fit(X, y, alpha: float, fit_intercept: bool):
    """(w, b, A, c) as Fractions: the minimiser of Σ(y − Xw − b)² + alpha‖w‖², b unpenalised."""
    n, d = len(X), len(X[0])
    Xf = [[Fraction(v) for v in row] for row in X]
    yf = [Fraction(v) for v in y]
    if fit_intercept:
        x_mean = [sum(row[j] for row in Xf) / n for j in range(d)]
        y_mean = sum(yf) / n
    else:
        x_mean, y_mean = [Fraction(0)] * d, Fraction(0)
    Xc = [[v - m for v, m in zip(row, x_mean)] for row in Xf]
    yc = [v - y_mean for v in yf]
    A = [[sum(row[i] * row[j] for row in Xc) for j in range(d)] for i in range(d)]
    c = [sum(row[i] * t for row, t in zip(Xc, yc)) for i in range(d)]
    a = Fraction(alpha)
    if a > 0:
        w = _solve([[A[i][j] + (a if i == j else 0) for j in range(d)] for i in range(d)], c)
    else:
        w = _min_norm(A, c)
    b = y_mean - sum(m * wj for m, wj in zip(x_mean, w))
    return w, b, A, c


def _solve(M, v):
    """Exact Gauss-Jordan solve of a non-singular system."""
    k = len(M)
    aug = [list(row) + [v[i]] for i, row in enumerate(M)]
    for col in range(k):
        pivot = next(r for r in range(col, k) if aug[r][col] != 0)
        aug[col], aug[pivot] = aug[pivot], aug[col]
        for r in range(k):
            if r != col and aug[r][col] != 0:
                f = aug[r][col] / aug[col][col]
                aug[r] = [x - f * p for x, p in zip(aug[r], aug[col])]
    return [aug[i][k] / aug[i][i] for i in range(k)]


def _basis_columns(A) -> list[int]:
    """Indices of columns of A forming a basis of its column space (exact elimination)."""
    rows = [list(r) for r in A]
    chosen, r = [], 0
    for col in range(len(A[0])):
        pivot = next((i for i in range(r, len(rows)) if rows[i][col] != 0), None)
        if pivot is None:
            continue
        rows[r], rows[pivot] = rows[pivot], rows[r]
        for i in range(len(rows)):
            if i != r and rows[i][col] != 0:
                f = rows[i][col] / rows[r][col]
                rows[i] = [x - f * p for x, p in zip(rows[i], rows[r])]
        chosen.append(col)
        r += 1
    return chosen


def _min_norm(A, c):
    """The minimum-norm solution of A w = c for symmetric PSD A with c in range(A): w = B t, B a basis of range(A)."""
    d = len(A)
    cols = _basis_columns(A)
    if not cols:
        return [Fraction(0)] * d
    B = [[A[i][j] for j in cols] for i in range(d)]  # d x r
    AB = [[sum(A[i][k] * B[k][j] for k in range(d)) for j in range(len(cols))] for i in range(d)]
    BtAB = [[sum(B[k][i] * AB[k][j] for k in range(d)) for j in range(len(cols))] for i in range(len(cols))]
    Btc = [sum(B[k][i] * c[k] for k in range(d)) for i in range(len(cols))]
    t = _solve(BtAB, Btc)
    return [sum(B[i][j] * t[j] for j in range(len(cols))) for i in range(d)]


def _well_conditioned(A) -> bool:
    """Every non-zero eigenvalue of A (exact rank) at least COND_FLOOR times the largest."""
    rank = len(_basis_columns(A))
    if rank == 0:
        return True
    eig = np.sort(np.linalg.eigvalsh(np.array([[float(v) for v in row] for row in A])))[::-1]
    return bool(eig[rank - 1] >= COND_FLOOR * eig[0])


# --- strategies -------------------------------------------------------------------------------------


@st.composite
def tasks(draw, max_rows: int = 10, max_width: int = 4, min_rows: int = 1, alphas=ALPHAS, intercepts=(True, False)):
    d = draw(st.integers(1, max_width))
    X = draw(st.lists(st.lists(entries, min_size=d, max_size=d), min_size=min_rows, max_size=max_rows))
    y = draw(st.lists(targets, min_size=len(X), max_size=len(X)))
    alpha = draw(st.sampled_from(alphas))
    fit_intercept = draw(st.sampled_from(intercepts))
    task = {"X": X, "y": y, "alpha": alpha, "fit_intercept": fit_intercept}
    assume(_well_conditioned(_exact(task)[2]))
    return task


def _exact(task):
    return _exact_fit(task["X"], task["y"], task["alpha"], task["fit_intercept"])


# --- talking to the solution ------------------------------------------------------------------------


def _attribute(model, name: str):
    """model.NAME read in the sandbox."""
    return attribute(model, name)


def _fitted(solution, task, as_array: tuple[bool, bool] = (False, False)):
    model = solution.LinearRegression(alpha=task["alpha"], fit_intercept=task["fit_intercept"])
    X = NdArray(task["X"]) if as_array[0] else task["X"]
    y = NdArray(task["y"]) if as_array[1] else task["y"]
    expect(model.fit(X, y) is model, "fit must return self")
    return model


def _floats(value, length: int, what: str) -> list[float]:
    expect(isinstance(value, list) and len(value) == length,
           f"{what} must be a list or 1-D array of {length} floats", actual=value)
    for v in value:
        expect(isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v),
               f"{what} must hold finite floats", actual=value)
    return value


def _scale(task) -> float:
    """The size of y over the size of X: the unit in which w's absolute errors are measured."""
    x_size = max(abs(float(v)) for row in task["X"] for v in row) or 1.0
    return (max(abs(float(v)) for v in task["y"]) or 1.0) / x_size


def _check_model(model, task, why: str, queries=None) -> None:
    w, b, _, _ = _exact(task)
    d = len(task["X"][0])
    w_float, b_float = [float(v) for v in w], float(b)
    coef = _floats(_attribute(model, "coef_"), d, "coef_")
    w_size = max(abs(v) for v in w_float) + 1e-3 * _scale(task)
    for j, (got, want) in enumerate(zip(coef, w_float)):
        if abs(got - want) > REL_TOL * w_size:
            fail(f"coef_[{j}] is {got!r}, the exact answer is {want!r} ({why})", expected=w_float, actual=coef)
    intercept = _attribute(model, "intercept_")
    expect(isinstance(intercept, (int, float)) and not isinstance(intercept, bool),
           "intercept_ must be a float", actual=intercept)
    if not task["fit_intercept"]:
        expect(intercept == 0, "with fit_intercept=False, intercept_ must be 0.0", actual=intercept)
    rows = task["X"] + (queries or [])
    x_size = max(abs(float(v)) for row in rows for v in row)
    y_size = max(abs(float(v)) for v in task["y"])
    b_tol = REL_TOL * (abs(b_float) + d * x_size * w_size + 1e-3 * y_size + 1e-300)
    if abs(intercept - b_float) > b_tol:
        fail(f"intercept_ is {intercept!r}, the exact answer is {b_float!r} ({why})", expected=b_float, actual=intercept)
    got = _floats(model.predict(rows), len(rows), "predict")
    for i, row in enumerate(rows):
        want = float(sum(Fraction(v) * wj for v, wj in zip(row, w)) + b)
        if abs(got[i] - want) > b_tol + REL_TOL * abs(want):
            fail(f"predict of row {i} {row} is {got[i]!r}, x·w + b is {want!r} ({why})", expected=want, actual=got[i])


# --- worked examples ---------------------------------------------------------------------------------


@category("examples")
def test_statement_examples(solution):
    for task, why in [
        ({"X": [[1], [2], [3]], "y": [1, 2, 2], "alpha": 0.0, "fit_intercept": True}, "w = 1/2, b = 2/3"),
        ({"X": [[1], [2], [3]], "y": [1, 2, 2], "alpha": 2.0, "fit_intercept": True}, "ridge: w = 1/(2 + 2)"),
        ({"X": [[1, 1], [2, 2], [3, 3]], "y": [1, 2, 3], "alpha": 0.0, "fit_intercept": True},
         "twin columns share the weight: w = [1/2, 1/2]"),
        ({"X": [[2, 0]], "y": [4], "alpha": 0.0, "fit_intercept": False}, "minimum norm: w = y0 x / |x|^2 = [2, 0]"),
    ]:
        _check_model(_fitted(solution, task), task, why, queries=[[0] * len(task["X"][0]), [4] * len(task["X"][0])])


# --- least squares and ridge -----------------------------------------------------------------------


@category("least squares and ridge: the exact minimiser")
@given(task=tasks(min_rows=2))
def test_matches_exact_solution(solution, task):
    model = _fitted(solution, task)
    _check_model(model, task, f"alpha={task['alpha']}, fit_intercept={task['fit_intercept']}",
                 queries=[[0] * len(task["X"][0]), [3, -2, 1, 4][: len(task["X"][0])]])


@category("normal equations: Xcᵀ(yc − Xc w) = alpha·w")
@given(task=tasks(min_rows=2))
def test_normal_equations(solution, task):
    """Independent of the oracle's w: the gradient of the objective vanishes at the solution's w and b."""
    model = _fitted(solution, task)
    d = len(task["X"][0])
    w = np.array(_floats(_attribute(model, "coef_"), d, "coef_"))
    b = float(_attribute(model, "intercept_"))
    X, y = np.array(task["X"], dtype=float), np.array(task["y"], dtype=float)
    r = y - X @ w - b
    scale = (np.abs(X).sum() + 1) * (np.abs(y).max() + np.abs(X).max() * np.abs(w).max() + 1)
    if task["fit_intercept"]:
        expect(abs(r.sum()) <= REL_TOL * scale,
               f"with the intercept fitted the residuals y − Xw − b must sum to 0; they sum to {r.sum():.6g}")
    gradient = X.T @ r - task["alpha"] * w  # with Σr = 0 this equals Xcᵀ(yc − Xc w) − alpha w
    for j, g in enumerate(gradient):
        if abs(g) > REL_TOL * scale:
            fail(f"normal equation {j} fails: column {j} of X times the residual is {X[:, j] @ r:.6g}, "
                 f"but alpha·w[{j}] is {task['alpha'] * w[j]:.6g}")


@category("ridge: the intercept is not penalised")
@given(task=tasks(min_rows=2, alphas=[1.0, 100.0, 1e6], intercepts=(True,)), shift=st.sampled_from([64, -1024]))
def test_intercept_not_penalised(solution, task, shift):
    """Shifting every target by a constant moves only the intercept, whatever alpha."""
    model = _fitted(solution, task)
    shifted = {**task, "y": [v + shift for v in task["y"]]}
    moved = _fitted(solution, shifted)
    _check_model(moved, shifted, f"y shifted by {shift}: only intercept_ moves, by {shift}, even with alpha={task['alpha']}")
    before = _attribute(model, "coef_")
    after = _attribute(moved, "coef_")
    w_size = max(abs(float(v)) for v in _exact(task)[0]) + 1e-3 * _scale(task)
    for j, (u, v) in enumerate(zip(before, after)):
        expect(abs(u - v) <= REL_TOL * w_size, f"coef_[{j}] changed from {u} to {v} when y was shifted by {shift}")


@category("alpha = 0, rank-deficient X: the minimum-norm solution")
@given(base=tasks(min_rows=2, max_width=3, alphas=[0.0]), kind=st.sampled_from(["twin", "double", "sum", "zero"]),
       where=st.integers(0, 3))
def test_rank_deficient_minimum_norm(solution, base, kind, where):
    X = [list(row) for row in base["X"]]
    source = [row[0] for row in X]
    extra = {"twin": source, "double": [2 * v for v in source], "zero": [0] * len(X),
             "sum": [row[0] + row[-1] for row in X]}[kind]
    position = where % (len(X[0]) + 1)
    X = [row[:position] + [e] + row[position:] for row, e in zip(X, extra)]
    task = {**base, "X": X}
    assume(_well_conditioned(_exact(task)[2]))
    model = _fitted(solution, task)
    _check_model(model, task, f"a column {kind} of column 0 inserted at {position}: the shortest w among all minimisers")
    _expect_in_row_space(model, task)


def _expect_in_row_space(model, task) -> None:
    """Minimum norm: w has no component in the null space of Xc (exact null vectors of A)."""
    _, _, A, _ = _exact(task)
    d = len(A)
    basis = _basis_columns(A)
    w = _attribute(model, "coef_")
    for free in [j for j in range(d) if j not in basis]:
        # A null vector: e_free minus the combination of basis columns that reproduces column `free`.
        B = [[A[i][k] for k in basis] for i in range(d)]
        BtB = [[sum(B[r][i] * B[r][j] for r in range(d)) for j in range(len(basis))] for i in range(len(basis))]
        Bta = [sum(B[r][i] * A[r][free] for r in range(d)) for i in range(len(basis))]
        t = _solve(BtB, Bta) if basis else []
        null = [Fraction(0)] * d
        null[free] = Fraction(1)
        for k, coef in zip(basis, t):
            null[k] -= coef
        size = math.sqrt(sum(float(v) ** 2 for v in null))
        overlap = sum(float(v) * wj for v, wj in zip(null, w)) / size
        w_size = max(abs(v) for v in w) + 1e-3 * _scale(task)
        expect(abs(overlap) <= REL_TOL * w_size,
               f"w is not the minimum-norm solution: it has a component {overlap:.6g} along the null direction "
               f"{[float(v) for v in null]} of Xc, which changes no prediction")


@category("alpha = 0, rank-deficient X: the minimum-norm solution")
@given(task=tasks(min_rows=1, max_rows=3, max_width=4, alphas=[0.0, 1.0]))
def test_more_features_than_rows(solution, task):
    assume(len(task["X"][0]) >= len(task["X"]))
    model = _fitted(solution, task)
    _check_model(model, task, f"{len(task['X'])} rows, {len(task['X'][0])} features")
    if task["alpha"] == 0:
        _expect_in_row_space(model, task)


@category("constant column")
@given(task=tasks(min_rows=2, max_width=3), value=st.integers(-3, 3), where=st.integers(0, 3))
def test_constant_column(solution, task, value, where):
    position = where % (len(task["X"][0]) + 1)
    X = [row[:position] + [value] + row[position:] for row in task["X"]]
    task = {**task, "X": X}
    assume(_well_conditioned(_exact(task)[2]))
    model = _fitted(solution, task)
    _check_model(model, task, f"column {position} is constant ({value})"
                 + (": centred it is 0, so its weight is 0" if task["fit_intercept"] else ""))


@category("one row")
@given(task=tasks(min_rows=1, max_rows=1))
def test_one_row(solution, task):
    model = _fitted(solution, task)
    _check_model(model, task, "one row: with the intercept w = 0 and b = y0; without it w = y0 x / (|x|^2 + alpha)")


@category("constant y")
@given(task=tasks(min_rows=2), value=targets)
def test_constant_target(solution, task, value):
    task = {**task, "y": [value] * len(task["X"])}
    _check_model(_fitted(solution, task), task, f"every target is {value}")


# --- scale -------------------------------------------------------------------------------------------


@category("huge and tiny values (scaled by powers of two)")
@given(task=tasks(min_rows=2), x_power=st.sampled_from([-20, 0, 20]), y_power=st.sampled_from([-20, 0, 20]))
def test_scaled_values(solution, task, x_power, y_power):
    assume(x_power or y_power)
    X = [[v * 2.0 ** x_power for v in row] for row in task["X"]]
    y = [v * 2.0 ** y_power for v in task["y"]]
    alpha = task["alpha"] * 4.0 ** x_power  # the same relative strength of the penalty
    scaled = {**task, "X": X, "y": y, "alpha": alpha}
    _check_model(_fitted(solution, scaled), scaled, f"X scaled by 2^{x_power}, y by 2^{y_power}")


# --- inputs, refits, arguments -----------------------------------------------------------------------


@category("NumPy arrays as input")
@given(task=tasks(min_rows=2), as_array=st.sampled_from([(True, True), (True, False), (False, True)]))
def test_numpy_arrays(solution, task, as_array):
    model = _fitted(solution, task, as_array)
    _check_model(model, task, "the same data as NumPy arrays")
    got = _floats(model.predict(NdArray(task["X"])), len(task["X"]), "predict of a NumPy array")
    want = model.predict(task["X"])
    expect(got == want or np.allclose(got, want, rtol=1e-12, atol=1e-12),
           "predict must give the same values for a list and for a NumPy array of the same rows")


@category("fit replaces what was learned and returns self")
@given(first=tasks(min_rows=2, max_width=3), second=tasks(min_rows=2, max_width=3))
def test_refit(solution, first, second):
    model = solution.LinearRegression(alpha=second["alpha"], fit_intercept=second["fit_intercept"])
    expect(model.fit(first["X"], first["y"]) is model, "fit must return self")
    expect(model.fit(second["X"], second["y"]) is model, "fit must return self")
    _check_model(model, second, "a second fit learns from the new data only")


@category("arguments are not modified")
@given(task=tasks(min_rows=2))
def test_arguments_not_modified(solution, task):
    for as_array in (True, False):
        _expect_untouched(solution, task, as_array)


@category("arguments are not modified")
def test_arguments_not_modified_example(solution):
    for fit_intercept in (True, False):
        task = {"X": [[1, 2], [3, 5], [4, 4]], "y": [1, 2, 7], "alpha": 1.0, "fit_intercept": fit_intercept}
        for as_array in (True, False):
            _expect_untouched(solution, task, as_array)


def _expect_untouched(solution, task, as_array: bool) -> None:
    model = solution.LinearRegression(alpha=task["alpha"], fit_intercept=task["fit_intercept"])
    X = NdArray(task["X"]) if as_array else [list(row) for row in task["X"]]
    y = NdArray(task["y"]) if as_array else list(task["y"])
    kind = "NumPy arrays" if as_array else "lists"
    after = method_and_arguments(model, "fit", X, y)
    for name, sent, left in (("X", task["X"], after.args[0]), ("y", task["y"], after.args[1])):
        if left != sent:
            fail(f"fit must not modify its arguments ({kind}): after the call, {name} was", expected=sent, actual=left)
    after = method_and_arguments(model, "predict", X)
    if after.args[0] != task["X"]:
        fail(f"predict must not modify its argument ({kind}): after the call, X was",
             expected=task["X"], actual=after.args[0])


# --- errors -------------------------------------------------------------------------------------------


def _fit_rejected(solution, X, y, alpha=0.0, fit_intercept=True, errors=(ValueError,)) -> None:
    with expect_raises(*errors):  # from the constructor or from fit
        solution.LinearRegression(alpha=alpha, fit_intercept=fit_intercept).fit(X, y)


@category("malformed X or y: ValueError")
@settings(max_examples=SHAPE_EXAMPLES)
@given(task=tasks(min_rows=2, max_width=3), change=st.integers(-2, 2).filter(bool), as_array=st.booleans(),
       where=st.integers(0, 20))
def test_bad_shapes(solution, task, change, as_array, where):
    X, y = task["X"], task["y"]
    _fit_rejected(solution, NdArray([]) if as_array else [], [])
    ragged = [list(row) for row in X]
    ragged[where % len(X)] = ragged[where % len(X)] + [1]
    _fit_rejected(solution, ragged, y)  # one row longer: first, last or middle
    _fit_rejected(solution, [[] for _ in X], y)  # rows of length 0
    _fit_rejected(solution, NdArray(X) if as_array else X, (y + [0, 1])[: max(0, len(y) + change)])
    _fit_rejected(solution, [row[0] for row in X], y, errors=(ValueError, TypeError))  # a flat list


@category("NaN or infinity: ValueError")
@settings(max_examples=SHAPE_EXAMPLES * 2)
@given(task=tasks(min_rows=1), bad=st.sampled_from([math.nan, math.inf, -math.inf]), where=st.integers(0, 60),
       in_y=st.booleans(), as_array=st.booleans())
def test_non_finite(solution, task, bad, where, in_y, as_array):
    X = [[float(v) for v in row] for row in task["X"]]
    y = [float(v) for v in task["y"]]
    if in_y:
        y[where % len(y)] = bad
    else:
        X[where % len(X)][(where // len(X)) % len(X[0])] = bad
    _fit_rejected(solution, NdArray(X) if as_array else X, NdArray(y) if as_array else y, alpha=task["alpha"])


@category("NaN or infinity: ValueError")
def test_non_finite_in_every_position(solution):
    for bad in (math.nan, math.inf, -math.inf):
        for i in range(3):
            for j in range(2):
                X = [[1.0, 2.0], [3.0, 5.0], [4.0, 4.0]]
                X[i][j] = bad
                _fit_rejected(solution, X, [1.0, 2.0, 3.0])
            y = [1.0, 2.0, 3.0]
            y[i] = bad
            _fit_rejected(solution, [[1.0, 2.0], [3.0, 5.0], [4.0, 4.0]], y)


@category("invalid alpha: ValueError")
@given(task=tasks(min_rows=2, alphas=[0.0]), alpha=st.sampled_from([-1e-9, -0.5, -1, -math.inf, math.inf, math.nan]))
def test_invalid_alpha(solution, task, alpha):
    _fit_rejected(solution, task["X"], task["y"], alpha=alpha, fit_intercept=task["fit_intercept"])


@category("predict: same row rules, same width as fit")
@settings(max_examples=SHAPE_EXAMPLES * 2)
@given(task=tasks(min_rows=2, max_width=3), kind=st.sampled_from(
    ["wider", "narrower", "empty", "ragged", "zero-length", "nan", "inf"]), as_array=st.booleans())
def test_bad_prediction_rows(solution, task, kind, as_array):
    model = _fitted(solution, task)
    width = len(task["X"][0])
    rows = {
        "wider": [[1.0] * (width + 1)],
        "narrower": [[1.0] * (width - 1)] if width > 1 else [[1.0] * (width + 2)],
        "empty": [],
        "ragged": [[1.0] * width, [1.0] * (width + 1)],
        "zero-length": [[], []],
        "nan": [[1.0] * (width - 1) + [math.nan]],
        "inf": [[-math.inf] + [0.0] * (width - 1)],
    }[kind]
    if as_array and kind != "ragged":
        rows = NdArray(rows)
    with expect_raises(ValueError):
        model.predict(rows)


@category("predict before fit: RuntimeError")
@given(alpha=st.sampled_from(ALPHAS), fit_intercept=st.booleans(), width=st.integers(1, 3))
def test_predict_before_fit(solution, alpha, fit_intercept, width):
    model = solution.LinearRegression(alpha=alpha, fit_intercept=fit_intercept)
    with expect_raises(RuntimeError):
        model.predict([[1.0] * width, [2.0] * width])


# --- large input ------------------------------------------------------------------------------------------


@kept
def _large() -> dict:
    rng = random.Random(29)
    d, n = 5, 20_000
    truth = [3, -2, 0, 1, 5]
    X = [[rng.randrange(-100, 101) for _ in range(d)] for _ in range(n)]
    y = [sum(t * v for t, v in zip(truth, row)) + 7 + rng.randrange(-50, 51) for row in X]
    task = {"X": X, "y": y, "alpha": 25.0, "fit_intercept": True}
    w, b, _, _ = _exact(task)
    queries = [[rng.randrange(-100, 101) for _ in range(d)] for _ in range(n)]
    predictions = [float(sum(Fraction(v) * wj for v, wj in zip(row, w)) + b) for row in queries]
    return {"task": task, "w": [float(v) for v in w], "b": float(b), "queries": queries, "predictions": predictions}


@category("large input: 20 000 rows x 5 features")
def test_large(solution):
    large = _large()
    task = large["task"]
    model = _fitted(solution, task, (True, False))
    coef = _floats(_attribute(model, "coef_"), 5, "coef_")
    for j, (got, want) in enumerate(zip(coef, large["w"])):
        expect(abs(got - want) <= REL_TOL * max(map(abs, large["w"])),
               f"coef_[{j}] on 20 000 rows is {got!r}, the exact answer is {want!r}")
    intercept = _attribute(model, "intercept_")
    expect(abs(intercept - large["b"]) <= REL_TOL * (abs(large["b"]) + 100 * max(map(abs, large["w"]))),
           f"intercept_ on 20 000 rows is {intercept!r}, the exact answer is {large['b']!r}")
    got = _floats(model.predict(large["queries"]), len(large["queries"]), "predict")
    for i, (g, want) in enumerate(zip(got, large["predictions"])):
        if abs(g - want) > REL_TOL * (abs(want) + 1000):
            fail(f"predict of query row {i} is {g!r}, x·w + b is {want!r}", expected=want, actual=g)
