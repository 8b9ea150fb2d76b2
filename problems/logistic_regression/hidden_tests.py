"""Hidden properties of `LogisticRegression`: the contract in spec.md, rule by rule.

Every call runs with RuntimeWarning turned into an error (`warnings_as_errors`),
so an overflowing exponential fails the case with its traceback.

Probabilities are compared with the reference (float64 gradient descent, the
same updates) within 1e-6 absolute. Learning rates are derived from the data:
a fraction (at most 1) of 1/L, where L is the largest eigenvalue of
[X 1]^T [X 1] / (4n) plus l2, so gradient descent is stable and rounding
differences between formulas stay many orders of magnitude below the
tolerance. `predict` is only checked where the reference's z is exactly 0
(no training step at all) or |z| > 1e-6.

Where z = w.x + b cancels (terms of 1e100 summing to about 1), float64 knows z
only to a fraction of its terms' size, and two correct implementations (or two
NumPy versions, one of them fusing multiply and add) disagree there, even on
which side of 0 z falls. Such a row's z is only known within
dz = Z_REL * (sum |w_i x_i| + |b|): p must lie between sigmoid(z - dz) and
sigmoid(z + dz) (within 1e-6), and its class is not checked when |z| <= dz.
On rows that do not cancel dz is a tiny share of |z|, so the check stays as exact.
"""

from __future__ import annotations

import math
import random

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

from judge.testing import NdArray, category, expect, expect_raises, fail, kept, warnings_as_errors

PROBA_TOL = 1e-6
# How much of the size of z's terms two correct computations of z may differ by: float64 rounds
# each term to 1e-16 of its size, and w itself comes out of up to 1000 rounding steps.
Z_REL = 1e-12
Z_MARGIN = 1e-6
SHAPE_EXAMPLES = 10
features = st.integers(-3, 3)
LABEL_FORMS = {"int": (0, 1), "bool": (False, True), "float": (0.0, 1.0)}


@pytest.fixture(autouse=True)
def _runtime_warnings_are_errors(solution):
    with warnings_as_errors(solution, "RuntimeWarning"):
        yield


# --- strategies ------------------------------------------------------------------------------


def stable_rate(X, l2: float, fraction: float) -> float:
    """fraction / L, L the largest eigenvalue of [X 1]^T [X 1] / (4n) + l2."""
    A = np.hstack([np.asarray(X, dtype=float), np.ones((len(X), 1))])
    L = float(np.linalg.eigvalsh(A.T @ A / (4 * len(X))).max()) + l2
    return fraction / L


@st.composite
def tasks(draw: st.DrawFn, max_rows: int = 8, max_width: int = 3, max_iter: int = 30,
          label_form: str | None = "int") -> dict:
    """A small training set and stable hyperparameters."""
    width = draw(st.integers(1, max_width))
    X = draw(st.lists(st.lists(features, min_size=width, max_size=width), min_size=1, max_size=max_rows))
    bits = draw(st.lists(st.integers(0, 1), min_size=len(X), max_size=len(X)))
    form = label_form or draw(st.sampled_from(sorted(LABEL_FORMS)))
    l2 = draw(st.sampled_from([0.0, 0.1, 1.0]))
    rate = stable_rate(X, l2, draw(st.sampled_from([0.25, 0.5, 1.0])))
    return {"X": X, "y": [LABEL_FORMS[form][b] for b in bits], "bits": bits,
            "params": {"learning_rate": rate, "n_iter": draw(st.integers(0, max_iter)), "l2": l2}}


# --- talking to the solution ----------------------------------------------------------------------


def _fitted(solution, X, y, params: dict, arrays: tuple[bool, bool] = (False, False)):
    model = solution.LogisticRegression(**params)
    returned = model.fit(NdArray(X) if arrays[0] else X, NdArray(y) if arrays[1] else y)
    expect(returned is model, "fit must return self")
    return model


def _reference(reference, X, bits, params: dict):
    return reference.LogisticRegression(**params).fit(X, bits)


def _expect_probabilities(model, expected_model, rows: list, why: str, as_array: bool = False) -> None:
    got = model.predict_proba(NdArray(rows) if as_array else rows)
    want = expected_model.predict_proba(rows)
    expect(isinstance(got, list) and len(got) == len(rows),
           "predict_proba must return a list (or 1-D array) with one probability per row", actual=got)
    z = expected_model.decision_function(rows).tolist()
    for row, g, w, zi, dz in zip(rows, got, want, z, _z_uncertainty(expected_model, rows)):
        number = isinstance(g, (int, float)) and not isinstance(g, bool)
        if not (number and 0.0 <= g <= 1.0):
            fail(f"predict_proba of row {row} must be a probability in [0, 1]", expected=w, actual=g)
        low, high = min(w, _sigmoid(zi - dz)), max(w, _sigmoid(zi + dz))
        if not low - PROBA_TOL <= g <= high + PROBA_TOL:
            fail(f"predict_proba of row {row}: {why}", expected=w, actual=g)


def _z_uncertainty(expected_model, rows: list) -> list[float]:
    """dz of each row: what float64 cannot know of z = w.x + b (see the module's docstring)."""
    # Z_REL applied first, so that terms near the float64 maximum do not overflow.
    scaled = Z_REL * np.abs(expected_model.weights)
    return (np.abs(np.asarray(rows, dtype=float)) @ scaled + Z_REL * abs(expected_model.intercept)).tolist()


def _sigmoid(z: float) -> float:
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    return math.exp(z) / (1.0 + math.exp(z))


def _expect_classes(model, expected_model, rows: list, trained: bool = True, as_array: bool = False) -> None:
    got = model.predict(NdArray(rows) if as_array else rows)
    z = expected_model.decision_function(rows)
    expect(isinstance(got, list) and len(got) == len(rows),
           "predict must return a list (or 1-D array) with one 0/1 int per row", actual=got)
    for row, g, zi, dz in zip(rows, got, z, _z_uncertainty(expected_model, rows)):
        expect(type(g) is int and g in (0, 1), "predict must return ints 0 or 1", actual=g)
        if trained and abs(zi) <= max(Z_MARGIN, dz):
            continue  # too close to the threshold for float64 to decide
        want = int(zi >= 0)
        if g != want:
            fail(f"predict of row {row}: z = w.x + b = {zi:.6g}, so p {'>=' if want else '<'} 0.5 and the class "
                 f"is {want} (p >= 0.5 gives 1)", expected=want, actual=g)


def _queries(X: list, extra: list) -> list:
    return [list(map(float, r)) for r in X] + [r[: len(X[0])] for r in extra if len(r) >= len(X[0])]


# --- worked examples ---------------------------------------------------------------------------------


@category("examples")
def test_statement_examples(solution, reference):
    X, y = [[0], [1], [2], [3]], [0, 0, 1, 1]
    model = _fitted(solution, X, y, {"learning_rate": 0.5, "n_iter": 100})
    expected = _reference(reference, X, y, {"learning_rate": 0.5, "n_iter": 100})
    _expect_probabilities(model, expected, [[1.5], [0.0], [3.0]], "100 steps of gradient descent with rate 0.5")
    _expect_classes(model, expected, [[1.5], [0.0], [3.0]])


# --- the model before any step ---------------------------------------------------------------------------


@category("n_iter=0: w = 0 and b = 0")
@given(task=tasks(), queries=st.lists(st.lists(features, min_size=3, max_size=3), max_size=3))
def test_no_steps_gives_one_half_and_class_one(solution, reference, task, queries):
    params = {**task["params"], "n_iter": 0}
    model = _fitted(solution, task["X"], task["y"], params)
    expected = _reference(reference, task["X"], task["bits"], params)
    rows = _queries(task["X"], queries)
    _expect_probabilities(model, expected, rows, "with no step, w = 0 and b = 0, so p = sigmoid(0) = 0.5")
    _expect_classes(model, expected, rows, trained=False)


# --- gradient descent ------------------------------------------------------------------------------------


@category("gradient descent steps")
@given(task=tasks(), queries=st.lists(st.lists(features, min_size=3, max_size=3), max_size=3))
def test_matches_gradient_descent(solution, reference, task, queries):
    model = _fitted(solution, task["X"], task["y"], task["params"])
    expected = _reference(reference, task["X"], task["bits"], task["params"])
    rows = _queries(task["X"], queries)
    _expect_probabilities(model, expected, rows, f"after {task['params']['n_iter']} full-batch steps from w = 0, b = 0")
    _expect_classes(model, expected, rows)


@category("gradient descent steps")
@given(task=tasks(max_iter=1))
def test_first_steps(solution, reference, task):
    # The first step starts from p = 0.5 everywhere: w = lr X^T (y - 1/2) / n, b = lr mean(y - 1/2).
    params = {**task["params"], "n_iter": 1}
    model = _fitted(solution, task["X"], task["y"], params)
    _expect_probabilities(model, _reference(reference, task["X"], task["bits"], params), task["X"],
                          "one step from w = 0, b = 0: w = lr * X^T (y - 0.5) / n, b = lr * mean(y - 0.5)")


@category("l2 shrinks w, not the intercept")
@given(task=tasks(max_iter=40), l2=st.sampled_from([0.5, 2.0]))
def test_l2_penalty(solution, reference, task, l2):
    params = {"learning_rate": stable_rate(task["X"], l2, 1.0), "n_iter": max(2, task["params"]["n_iter"]), "l2": l2}
    model = _fitted(solution, task["X"], task["y"], params)
    expected = _reference(reference, task["X"], task["bits"], params)
    _expect_probabilities(model, expected, _queries(task["X"], [[0, 0, 0], [3, -3, 3]]),
                          f"the penalty (l2/2)|w|^2 adds l2 * w = {l2} * w to w's gradient only")


@category("a long run (1000 steps, the default)")
@settings(max_examples=10)
@given(task=tasks(max_rows=12))
def test_default_number_of_steps(solution, reference, task):
    params = {"learning_rate": task["params"]["learning_rate"]}  # n_iter = 1000, l2 = 0 by default
    model = _fitted(solution, task["X"], task["y"], params)
    _expect_probabilities(model, _reference(reference, task["X"], task["bits"], params), task["X"],
                          "after the default 1000 steps")


@category("fit replaces what was learned and returns self")
@given(first=tasks(max_width=2), second=tasks(max_width=2))
def test_refit_starts_from_zero(solution, reference, first, second):
    params = second["params"]
    model = solution.LogisticRegression(**params)
    model.fit(first["X"], first["y"])
    expect(model.fit(second["X"], second["y"]) is model, "fit must return self")
    _expect_probabilities(model, _reference(reference, second["X"], second["bits"], params), second["X"],
                          "a second fit starts again from w = 0, b = 0 on the new data only")


# --- numerical stability ------------------------------------------------------------------------------------


@category("stable for any finite z (no overflow, no RuntimeWarning)")
@given(task=tasks(), scale=st.sampled_from([1e3, 1e6, 1e12, 1e100, 1e300]))
def test_huge_z(solution, reference, task, scale):
    params = {**task["params"], "n_iter": max(1, task["params"]["n_iter"])}
    model = _fitted(solution, task["X"], task["y"], params)
    expected = _reference(reference, task["X"], task["bits"], params)
    rows = [[v * scale for v in row] for row in task["X"]] + [[-v * scale for v in row] for row in task["X"]]
    _expect_probabilities(model, expected, rows, f"features scaled by {scale:g} make |z| huge; p must still be right")
    _expect_classes(model, expected, rows)


@category("stable for any finite z (no overflow, no RuntimeWarning)")
@given(sign=st.sampled_from([1, -1]), n_iter=st.integers(1, 5))
def test_separable_data_with_huge_queries(solution, reference, sign, n_iter):
    X, y = [[-1.0], [1.0]], [0, 1]
    params = {"learning_rate": 1.0, "n_iter": n_iter}
    model = _fitted(solution, X, y, params)
    rows = [[sign * 1e6], [sign * 1e300], [sign * 5e307]]
    _expect_probabilities(model, _reference(reference, X, y, params), rows, "p for |z| up to 1e308")


# --- inputs -----------------------------------------------------------------------------------------------------


@category("labels as ints, bools or floats; a single class")
@given(task=tasks(label_form=None))
def test_label_forms(solution, reference, task):
    model = _fitted(solution, task["X"], task["y"], task["params"])
    _expect_probabilities(model, _reference(reference, task["X"], task["bits"], task["params"]), task["X"],
                          "labels given as bools or 0.0/1.0 are the same labels")


@category("labels as ints, bools or floats; a single class")
@given(task=tasks(), label=st.sampled_from([0, 1]))
def test_single_class(solution, reference, task, label):
    y = [label] * len(task["X"])
    model = _fitted(solution, task["X"], y, task["params"])
    _expect_probabilities(model, _reference(reference, task["X"], y, task["params"]), task["X"],
                          f"every label is {label}: still plain gradient descent")


@category("NumPy arrays as input")
@given(task=tasks(), arrays=st.sampled_from([(True, True), (True, False), (False, True)]))
def test_numpy_arrays(solution, reference, task, arrays):
    model = _fitted(solution, task["X"], task["bits"], task["params"], arrays)
    expected = _reference(reference, task["X"], task["bits"], task["params"])
    _expect_probabilities(model, expected, task["X"], "the same model from NumPy arrays", as_array=arrays[0])
    _expect_classes(model, expected, task["X"], as_array=arrays[0])


# --- errors -------------------------------------------------------------------------------------------------------

VALID = {"learning_rate": 0.1, "n_iter": 3, "l2": 0.0}


def _fit_rejected(solution, X, y, **params) -> None:
    with expect_raises(ValueError):  # from the constructor or from fit
        solution.LogisticRegression(**{**VALID, **params}).fit(X, y)


@category("malformed X or y: ValueError")
@settings(max_examples=SHAPE_EXAMPLES)
@given(task=tasks(), change=st.integers(-2, 2).filter(bool), as_array=st.booleans())
def test_bad_shapes(solution, task, change, as_array):
    X, y = task["X"], task["bits"]
    _fit_rejected(solution, NdArray([]) if as_array else [], [])
    _fit_rejected(solution, X + [X[0] + [1]], y + [0])  # rows of unequal length
    _fit_rejected(solution, [[] for _ in X], y)  # rows of length 0
    _fit_rejected(solution, NdArray(X) if as_array else X, (y + [0, 1])[: max(0, len(y) + change)])


@category("malformed X or y: ValueError")
@settings(max_examples=SHAPE_EXAMPLES * 2)
@given(task=tasks(), bad=st.sampled_from([math.nan, math.inf, -math.inf]), where=st.integers(0, 50),
       as_array=st.booleans())
def test_non_finite_x(solution, task, bad, where, as_array):
    X = [[float(v) for v in row] for row in task["X"]]
    X[where % len(X)][where % len(X[0])] = bad
    _fit_rejected(solution, NdArray(X) if as_array else X, task["bits"])


@category("a label other than 0 or 1: ValueError")
@settings(max_examples=SHAPE_EXAMPLES * 2)
@given(task=tasks(), bad=st.sampled_from([2, -1, 0.5, math.nan]), where=st.integers(0, 50), as_array=st.booleans())
def test_bad_label(solution, task, bad, where, as_array):
    y = list(task["bits"])
    y[where % len(y)] = bad
    _fit_rejected(solution, task["X"], NdArray(y) if as_array else y)


@category("invalid hyperparameters: ValueError")
@settings(max_examples=SHAPE_EXAMPLES * 2)
@given(task=tasks(), name_value=st.sampled_from(
    [("learning_rate", v) for v in (0, 0.0, -0.1, math.nan, math.inf, -math.inf)]
    + [("n_iter", v) for v in (-1, -5)]
    + [("l2", v) for v in (-0.1, -1, math.nan, math.inf)]))
def test_invalid_hyperparameters(solution, task, name_value):
    name, value = name_value
    _fit_rejected(solution, task["X"], task["bits"], **{name: value})


@category("predict rows: same rules, same width as fit")
@settings(max_examples=SHAPE_EXAMPLES * 2)
@given(task=tasks(), method=st.sampled_from(["predict", "predict_proba"]), kind=st.sampled_from(
    ["wider", "narrower", "empty", "ragged", "zero-length", "nan", "inf"]), as_array=st.booleans())
def test_bad_prediction_rows(solution, task, method, kind, as_array):
    model = _fitted(solution, task["X"], task["bits"], VALID)
    width = len(task["X"][0])
    rows = {
        "wider": [[1.0] * (width + 1)],
        "narrower": [[1.0] * (width - 1)] if width > 1 else [[1.0] * (width + 2)],
        "empty": [],
        "ragged": [[1.0] * width, [1.0] * (width + 1)],
        "zero-length": [[], []],
        "nan": [[math.nan] * width],
        "inf": [[math.inf] + [0.0] * (width - 1)],
    }[kind]
    if as_array and kind not in ("ragged",):
        rows = NdArray(rows)
    with expect_raises(ValueError):
        getattr(model, method)(rows)


# --- large input: time -----------------------------------------------------------------------------------------


@kept
def _large() -> tuple[list, list, dict]:
    rng = random.Random(17)
    X = [[rng.gauss(0, 1) for _ in range(4)] for _ in range(4000)]
    y = [int(x[0] - 0.5 * x[1] + 0.3 * x[3] + rng.gauss(0, 0.5) > 0) for x in X]
    return X, y, {"learning_rate": stable_rate(X, 0.01, 1.0), "n_iter": 100, "l2": 0.01}


@category("large input: 4000 rows x 4 features, 100 steps")
def test_large_fit(solution, reference):
    X, y, params = _large()
    model = _fitted(solution, X, y, params)
    _expect_probabilities(model, _reference(reference, X, y, params), X[:200], "after 100 steps on 4000 rows")
