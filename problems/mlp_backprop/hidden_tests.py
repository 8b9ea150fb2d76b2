"""Hidden properties of `TwoLayerMLP`: spec.md, rule by rule.

Inputs are small integers and weights multiples of 1/8, so X W1 + b1 and
Hd W2 + b2 are exact in float64 under any summation order: every ReLU
decision (including pre-activations that are exactly 0) is the same for every
correct solution. The oracle is exact arithmetic, not the reference: the
scores are exact rationals, and the softmax, the loss and every gradient are
computed from the definitions with 50-digit decimals (the standard library's
`decimal`). A correct float64 solution then differs by rounding only, about
1e-16 of the largest number in play; the tolerance is 1e-8 of it.

Every gradient entry is also compared with central finite differences of the
solution's own loss, on random float weights where no pre-activation lies
within 1e-3 of 0 (h = 1e-6: the ReLU pattern cannot change; tolerance 1e-5
relative). `step` is checked through the exact loss and gradients of the
updated parameters, and by 40 steps of gradient descent on a fixed batch
whose loss curve is known.

`method_and_arguments` shows X, y and grads as the methods left them.
"""

from __future__ import annotations

import decimal
import math
import random
from decimal import Decimal

from hypothesis import assume, given, settings, strategies as st

from judge.testing import NdArray, category, expect, expect_raises, fail, kept, method_and_arguments

EXACT = decimal.Context(prec=50, traps=[decimal.InvalidOperation, decimal.DivisionByZero])
KEYS = ("W1", "b1", "W2", "b2")
REL = 1e-8
FD_STEP = 1e-6
FD_TOL = 1e-5
SHAPE_EXAMPLES = 10
LARGE_N, LARGE_D, LARGE_H, LARGE_C = 40_000, 4, 8, 3

eighths = st.integers(-16, 16).map(lambda k: k / 8)
features = st.integers(-3, 3)


# --- strategies ---------------------------------------------------------------------------------------------------


def _matrix(draw, rows: int, cols: int, entries) -> list[list]:
    return [draw(st.lists(entries, min_size=cols, max_size=cols)) for _ in range(rows)]


@st.composite
def networks(draw: st.DrawFn, max_dim: int = 4, entries=eighths) -> dict:
    d, h, c = (draw(st.integers(1, max_dim)) for _ in range(3))
    return {"W1": _matrix(draw, d, h, entries), "b1": draw(st.lists(entries, min_size=h, max_size=h)),
            "W2": _matrix(draw, h, c, entries), "b2": draw(st.lists(entries, min_size=c, max_size=c))}


@st.composite
def batches(draw: st.DrawFn, net: dict, max_rows: int = 5, entries=features) -> tuple[list, list]:
    n = draw(st.integers(1, max_rows))
    d, c = len(net["W1"]), len(net["b2"])
    return _matrix(draw, n, d, entries), draw(st.lists(st.integers(0, c - 1), min_size=n, max_size=n))


@st.composite
def problems(draw: st.DrawFn, max_dim: int = 4, max_rows: int = 5) -> tuple[dict, list, list]:
    net = draw(networks(max_dim))
    X, y = draw(batches(net, max_rows))
    return net, X, y


# --- the exact oracle --------------------------------------------------------------------------------------------------


def _d(v) -> Decimal:
    return Decimal(float(v))


def _dot(xs, ys) -> Decimal:
    total = Decimal(0)
    for a, b in zip(xs, ys):
        total = EXACT.add(total, EXACT.multiply(a, b))
    return total


def _exact(net: dict, X: list, y: list, l2: float) -> tuple[Decimal, dict, float]:
    """(loss, grads as decimals, S = the largest |number| in play)."""
    W1 = [[_d(v) for v in r] for r in net["W1"]]
    b1 = [_d(v) for v in net["b1"]]
    W2 = [[_d(v) for v in r] for r in net["W2"]]
    b2 = [_d(v) for v in net["b2"]]
    Xd = [[_d(v) for v in r] for r in X]
    n, d, h, c = len(X), len(W1), len(b1), len(b2)
    lam = _d(l2)
    A = [[EXACT.add(_dot(row, [W1[k][j] for k in range(d)]), b1[j]) for j in range(h)] for row in Xd]
    Hd = [[a if a > 0 else Decimal(0) for a in row] for row in A]
    S = [[EXACT.add(_dot(row, [W2[k][j] for k in range(h)]), b2[j]) for j in range(c)] for row in Hd]
    total = Decimal(0)
    dS = []
    for row, label in zip(S, y):
        top = max(row)
        weights = [EXACT.exp(EXACT.subtract(s, top)) for s in row]
        norm = sum(weights, Decimal(0))
        total = EXACT.add(total, EXACT.subtract(EXACT.add(top, EXACT.ln(norm)), row[int(label)]))
        dS.append([EXACT.divide(EXACT.subtract(EXACT.divide(w, norm), Decimal(int(j == int(label)))), Decimal(n))
                   for j, w in enumerate(weights)])
    penalty = sum((EXACT.multiply(w, w) for r in W1 + W2 for w in r), Decimal(0))
    loss = EXACT.add(EXACT.divide(total, Decimal(n)), EXACT.multiply(EXACT.multiply(Decimal("0.5"), lam), penalty))
    dW2 = [[EXACT.add(_dot([Hd[i][k] for i in range(n)], [dS[i][j] for i in range(n)]), EXACT.multiply(lam, W2[k][j]))
            for j in range(c)] for k in range(h)]
    db2 = [sum((dS[i][j] for i in range(n)), Decimal(0)) for j in range(c)]
    dA = [[_dot(dS[i], W2[k]) if A[i][k] > 0 else Decimal(0) for k in range(h)] for i in range(n)]
    dW1 = [[EXACT.add(_dot([Xd[i][m] for i in range(n)], [dA[i][k] for i in range(n)]), EXACT.multiply(lam, W1[m][k]))
            for k in range(h)] for m in range(d)]
    db1 = [sum((dA[i][k] for i in range(n)), Decimal(0)) for k in range(h)]
    scale = max(abs(float(v)) for v in [*(v for r in A for v in r), *(v for r in S for v in r),
                                        *(v for r in Xd for v in r), *(v for r in W1 + W2 for v in r), Decimal(1)])
    return loss, {"W1": dW1, "b1": db1, "W2": dW2, "b2": db2}, scale * (1 + float(l2)) * (1 + max(d, h, c))


# --- talking to the solution -------------------------------------------------------------------------------------------


def _arr(value, as_array: bool):
    return NdArray(value) if as_array else value


def _build(solution, net: dict, as_array: bool = False):
    return solution.TwoLayerMLP(*(_arr(net[k], as_array) for k in KEYS))


def _shape_of(net: dict, key: str) -> tuple:
    value = net[key]
    return (len(value), len(value[0])) if isinstance(value[0], list) else (len(value),)


def _unpack(result, net: dict) -> tuple[float, dict]:
    """(loss, grads as float lists) with types, keys and shapes checked."""
    if not (isinstance(result, (tuple, list)) and len(result) == 2):
        fail("loss_and_grads must return a pair (loss, grads)", actual=result)
    loss, grads = result
    if not (isinstance(loss, (int, float)) and not isinstance(loss, bool)):
        fail("the loss must be a float", actual=loss)
    if not (isinstance(grads, dict) and set(grads) == set(KEYS)):
        fail(f"grads must be a dict with exactly the keys {list(KEYS)}", actual=grads)
    out = {}
    for key in KEYS:
        shape = _shape_of(net, key)
        value = grads[key]
        ok = isinstance(value, (list, tuple)) and len(value) == shape[0]
        if ok and len(shape) == 2:
            ok = all(isinstance(r, (list, tuple)) and len(r) == shape[1] for r in value)
        rows = value if len(shape) == 2 else [value]
        if not ok or not all(set(map(type, r)) <= {int, float} for r in rows):
            fail(f"grads[{key!r}] must be numbers in the shape of {key}, {shape}", actual=value)
        out[key] = [[float(v) for v in r] for r in value] if len(shape) == 2 else [float(v) for v in value]
    return float(loss), out


def _expect_exact(result, net: dict, X: list, y: list, l2: float, why: str) -> tuple[float, dict]:
    loss, grads = _unpack(result, net)
    want_loss, want, scale = _exact(net, X, y, l2)
    tol = REL * (1 + scale)
    if not (math.isfinite(loss) and abs(Decimal(loss) - want_loss) <= Decimal(tol)):
        fail(f"the loss is {loss!r}, exactly {float(want_loss)!r} (tolerance {tol:.2g}): {why}",
             expected=float(want_loss), actual=loss)
    for key in KEYS:
        got_rows = grads[key] if key[0] == "W" else [grads[key]]
        want_rows = want[key] if key[0] == "W" else [want[key]]
        for i, (g_row, w_row) in enumerate(zip(got_rows, want_rows)):
            for j, (g, w) in enumerate(zip(g_row, w_row)):
                if not (math.isfinite(g) and abs(Decimal(g) - w) <= Decimal(tol)):
                    where = f"[{i}][{j}]" if key[0] == "W" else f"[{j}]"
                    fail(f"grads[{key!r}]{where} is {g!r}, exactly {float(w)!r}: {why}",
                         expected=[[float(v) for v in r] for r in want_rows] if key[0] == "W"
                         else [float(v) for v in w_row], actual=grads[key])
    return loss, grads


def _updated(net: dict, grads: dict, lr: float) -> dict:
    out = {}
    for key in KEYS:
        if key[0] == "W":
            out[key] = [[p - lr * g for p, g in zip(pr, gr)] for pr, gr in zip(net[key], grads[key])]
        else:
            out[key] = [p - lr * g for p, g in zip(net[key], grads[key])]
    return out


# --- worked example -----------------------------------------------------------------------------------------------------------


@category("examples")
def test_statement_example(solution):
    net = {"W1": [[1.0, -1.0], [0.5, 1.0]], "b1": [0.0, 0.0], "W2": [[1.0, 0.0], [-1.0, 2.0]], "b2": [0.0, 0.0]}
    X, y = [[1.0, 1.0], [2.0, 0.0]], [1, 0]
    model = _build(solution, net)
    _loss, grads = _expect_exact(model.loss_and_grads(X, y), net, X, y, 0.0, "the statement's example")
    _expect_exact(model.loss_and_grads(X, y, l2=0.1), net, X, y, 0.1, "the statement's example with l2 = 0.1")
    model.step(grads, 0.5)
    _expect_exact(model.loss_and_grads(X, y), _updated(net, grads, 0.5), X, y, 0.0,
                  "after step(grads, 0.5) in the statement's example")


# --- loss and gradients ------------------------------------------------------------------------------------------------------


@category("loss and gradients")
@given(case=problems(), as_array=st.booleans())
def test_loss_and_gradients(solution, case, as_array):
    net, X, y = case
    model = _build(solution, net, as_array)
    _expect_exact(model.loss_and_grads(_arr(X, as_array), _arr(y, as_array)), net, X, y, 0.0,
                  "mean cross-entropy of the affine-ReLU-affine scores, backpropagated")


@category("l2: weights only, not biases")
@given(case=problems(), l2=st.sampled_from([0.5, 0.125, 1.0, 3.0]))
def test_l2(solution, case, l2):
    net, X, y = case
    model = _build(solution, net)
    _expect_exact(model.loss_and_grads(X, y, l2), net, X, y, l2,
                  f"l2 = {l2}: the loss adds 0.5 l2 (|W1|^2 + |W2|^2) and each weight's gradient adds l2 W")
    _expect_exact(model.loss_and_grads(X, y, l2=l2), net, X, y, l2, f"l2 = {l2} given by keyword")


@category("ReLU'(0) = 0")
@given(case=problems(), row=st.integers(0, 10), unit=st.integers(0, 10))
def test_relu_kink(solution, case, row, unit):
    net, X, y = case
    # Make row's pre-activation at unit exactly 0 by moving b1 there (everything stays a multiple of 1/8).
    i, k = row % len(X), unit % len(net["b1"])
    pre = sum(x * w[k] for x, w in zip(X[i], net["W1"]))
    net = {**net, "b1": [(-pre if j == k else b) for j, b in enumerate(net["b1"])]}
    model = _build(solution, net)
    _expect_exact(model.loss_and_grads(X, y), net, X, y, 0.0,
                  f"row {i}'s pre-activation of hidden unit {k} is exactly 0: ReLU'(0) = 0, no gradient flows there")


@category("dead and constant units: one row, one class")
@given(net=networks(), data=st.data())
def test_small_shapes(solution, net, data):
    X, y = data.draw(batches(net, max_rows=1))
    model = _build(solution, net)
    _expect_exact(model.loss_and_grads(X, y), net, X, y, 0.0, "a batch of a single row")
    dead = {**net, "b1": [-100.0] * len(net["b1"])}  # every unit off: only b2 learns
    _expect_exact(_build(solution, dead).loss_and_grads(X, y), dead, X, y, 0.0,
                  "every hidden unit has a negative pre-activation: W1, b1 and W2 get no data gradient")


@category("stable for large scores")
@given(case=problems(max_dim=3), scale=st.sampled_from([64, 512, 4096]))
def test_large_scores(solution, case, scale):
    net, X, y = case
    net = {**net, "W2": [[w * scale for w in r] for r in net["W2"]], "b2": [b * scale for b in net["b2"]]}
    model = _build(solution, net)
    _expect_exact(model.loss_and_grads(X, y), net, X, y, 0.0,
                  f"second-layer weights times {scale}: scores in the thousands; use log-sum-exp with the row max")


# --- finite differences --------------------------------------------------------------------------------------------------------


@category("gradients: finite differences")
@settings(max_examples=8)
@given(data=st.data(), l2=st.sampled_from([0.0, 0.3]))
def test_finite_differences(solution, data, l2):
    floats = st.floats(-1.5, 1.5, allow_nan=False, allow_infinity=False)
    net = data.draw(networks(max_dim=3, entries=floats))
    X, y = data.draw(batches(net, max_rows=3, entries=floats))
    pre = [sum(x * w[k] for x, w in zip(row, net["W1"])) + net["b1"][k] for row in X for k in range(len(net["b1"]))]
    assume(min(abs(a) for a in pre) > 1e-3)
    _loss, grads = _unpack(_build(solution, net).loss_and_grads(X, y, l2), net)

    def loss_at(key: str, index: tuple, delta: float) -> float:
        moved = {k: [list(r) for r in v] if k[0] == "W" else list(v) for k, v in net.items()}
        if len(index) == 2:
            moved[key][index[0]][index[1]] += delta
        else:
            moved[key][index[0]] += delta
        return _unpack(_build(solution, moved).loss_and_grads(X, y, l2), net)[0]

    for key in KEYS:
        shape = _shape_of(net, key)
        indices = [(i, j) for i in range(shape[0]) for j in range(shape[1])] if len(shape) == 2 else \
            [(i,) for i in range(shape[0])]
        for index in indices:
            slope = (loss_at(key, index, FD_STEP) - loss_at(key, index, -FD_STEP)) / (2 * FD_STEP)
            got = grads[key][index[0]][index[1]] if len(index) == 2 else grads[key][index[0]]
            if not abs(slope - got) <= FD_TOL * (1 + abs(slope)):
                fail(f"grads[{key!r}]{list(index)} is {got!r}, but your own loss changes at the rate {slope!r} "
                     f"when that entry moves (central difference, h = {FD_STEP:g})", expected=slope, actual=got)


# --- step --------------------------------------------------------------------------------------------------------------------------


@category("step: P - lr * grads[P]")
@given(case=problems(), lr=st.sampled_from([0.0, 0.25, 1.0, 2.5]))
def test_step(solution, case, lr):
    net, X, y = case
    model = _build(solution, net)
    _loss, grads = _unpack(model.loss_and_grads(X, y), net)
    model.step(grads, lr)
    _expect_exact(model.loss_and_grads(X, y), _updated(net, grads, lr), X, y, 0.0,
                  f"after step(grads, {lr}) every parameter is P - {lr} * grads[P]")


@category("step: P - lr * grads[P]")
@given(case=problems(), data=st.data(), as_array=st.booleans())
def test_step_with_other_gradients(solution, case, data, as_array):
    net, X, y = case
    other = {k: _matrix(data.draw, *_shape_of(net, k), eighths) if k[0] == "W"
             else data.draw(st.lists(eighths, min_size=len(net[k]), max_size=len(net[k]))) for k in KEYS}
    model = _build(solution, net)
    args = method_and_arguments(model, "step", {k: _arr(other[k], as_array) for k in KEYS}, 0.5).args
    expect({k: [list(map(float, r)) if isinstance(r, list) else float(r) for r in v] for k, v in args[0].items()}
           == {k: [list(map(float, r)) if isinstance(r, list) else float(r) for r in v] for k, v in other.items()},
           "step modified the grads it was given", expected=other, actual=args[0])
    _expect_exact(model.loss_and_grads(X, y), _updated(net, other, 0.5), X, y, 0.0,
                  "step applies whatever gradients it is given (here not the model's own), as lists or arrays")


@kept
def _training_curve() -> tuple[dict, list, list, list]:
    """A fixed 3-class batch, a small start, and the loss after each of 40 steps (lr = 0.5, l2 = 1e-3)."""
    rng = random.Random(3)
    X = [[rng.uniform(-2, 2), rng.uniform(-2, 2)] for _ in range(30)]
    y = [0 if x[0] + x[1] > 1 else 1 if x[0] - x[1] > 0 else 2 for x in X]
    net = {"W1": [[rng.gauss(0, 0.5) for _ in range(6)] for _ in range(2)], "b1": [0.1] * 6,
           "W2": [[rng.gauss(0, 0.5) for _ in range(3)] for _ in range(6)], "b2": [0.0] * 3}
    curve = []
    params = net
    for _ in range(41):
        loss, _grads, _ = _exact(params, X, y, 1e-3)
        grads = {k: [[float(v) for v in r] for r in g] if k[0] == "W" else [float(v) for v in g]
                 for k, g in _grads.items()}
        curve.append(float(loss))
        params = _updated(params, grads, 0.5)
    return net, X, y, curve


@category("training: the loss falls on a fixed batch")
def test_training_curve(solution):
    net, X, y, curve = _training_curve()
    model = _build(solution, net)
    losses = []
    for step in range(41):
        loss, grads = _unpack(model.loss_and_grads(X, y, 1e-3), net)
        losses.append(loss)
        if not abs(loss - curve[step]) <= 1e-6 * (1 + curve[step]):
            fail(f"after {step} steps of loss_and_grads then step(grads, 0.5), the loss is {loss!r}; gradient "
                 f"descent gives {curve[step]!r} (the curve so far: {[round(v, 6) for v in losses]})",
                 expected=curve[step], actual=loss)
        model.step(grads, 0.5)
    expect(losses[-1] < 0.6 * losses[0], f"40 steps must lower the loss from {losses[0]:.4f}", actual=losses[-1])


# --- arguments -----------------------------------------------------------------------------------------------------------------


@category("arguments are not modified")
@given(case=problems(), as_array=st.booleans())
def test_arguments_unchanged(solution, case, as_array):
    net, X, y = case
    model = _build(solution, net, as_array)
    args = method_and_arguments(model, "loss_and_grads", _arr(X, as_array), _arr(y, as_array)).args
    expect([list(map(float, r)) for r in args[0]] == [list(map(float, r)) for r in X], "loss_and_grads modified X",
           expected=X, actual=args[0])
    expect(list(map(float, args[1])) == list(map(float, y)), "loss_and_grads modified y", expected=y, actual=args[1])


# --- errors -----------------------------------------------------------------------------------------------------------------------


PARAMETER_DEFECTS = ["nan", "inf", "longer", "shorter", "flat", "nested", "empty"]


def _broken_parameter(net: dict, key: str, kind: str, where: int):
    """net[key] with one defect; None when the defect does not apply to this shape."""
    value = net[key]
    is_matrix = key[0] == "W"
    if kind in ("nan", "inf"):
        if is_matrix:
            value = [list(r) for r in value]
            value[where % len(value)][where % len(value[0])] = float(kind)
        else:
            value = list(value)
            value[where % len(value)] = float(kind)
        return value
    if kind == "longer":
        # W1 with a column more (H no longer chains); W2, b1, b2 with a row / entry more.
        return [r + [r[0]] for r in value] if key == "W1" else value + [value[0]]
    if kind == "shorter":
        if (len(value[0]) if key == "W1" else len(value)) < 2:
            return None
        return [r[:-1] for r in value] if key == "W1" else value[:-1]
    if kind == "flat":
        return [v for r in value for v in r] if is_matrix else value[0]
    if kind == "nested":
        return [value]
    return [[] for _ in value] if is_matrix else []


@category("bad parameters: ValueError")
@settings(max_examples=SHAPE_EXAMPLES)
@given(net=networks(), where=st.integers(0, 50), as_array=st.booleans())
def test_bad_parameters(solution, net, where, as_array):
    for key in KEYS:
        for kind in PARAMETER_DEFECTS:
            value = _broken_parameter(net, key, kind, where)
            if value is None:
                continue
            with expect_raises(ValueError):
                solution.TwoLayerMLP(*(_arr(value if k == key else net[k], as_array and kind != "flat") for k in KEYS))


BATCH_DEFECTS = ["empty", "wider", "narrower", "nan", "inf", "1-D", "ragged", "more labels", "fewer labels",
                 "label -1", "label C", "label 1.5", "label nan", "l2 -1", "l2 nan", "l2 inf"]


@category("bad X, y or l2: ValueError")
@settings(max_examples=SHAPE_EXAMPLES)
@given(case=problems(), where=st.integers(0, 50), as_array=st.booleans())
def test_bad_batch(solution, case, where, as_array):
    net, X0, y0 = case
    model = _build(solution, net)
    for kind in BATCH_DEFECTS:
        X, y, l2, array = [list(r) for r in X0], list(y0), 0.0, as_array
        i = where % len(X)  # the defect's row: first, last, middle or the only one
        c = len(net["b2"])
        if kind == "empty":
            X, y = [], []
        elif kind == "wider":
            X = [r + [1] for r in X]
        elif kind == "narrower":
            X = [r[:-1] for r in X] if len(X[0]) > 1 else [r + [1, 1] for r in X]
        elif kind in ("nan", "inf"):
            X[i][where % len(X[0])] = float(kind)
        elif kind == "1-D":
            X, y = X[0], y[:1]
        elif kind == "ragged":
            X, y, array = X + [X[0] + [1]], y + [0], False
        elif kind == "more labels":
            y = y + [0]
        elif kind == "fewer labels":
            y = y[:-1]
        elif kind.startswith("label"):
            y[i] = {"label -1": -1, "label C": c, "label 1.5": 1.5, "label nan": math.nan}[kind]
        else:
            l2 = {"l2 -1": -1.0, "l2 nan": math.nan, "l2 inf": math.inf}[kind]
        with expect_raises(ValueError):
            model.loss_and_grads(_arr(X, array) if X else X, _arr(y, array) if y else y, l2)


STEP_DEFECTS = ["missing", "longer", "shorter", "nan", "inf", "lr -0.1", "lr nan", "lr inf"]


@category("bad step: ValueError")
@settings(max_examples=SHAPE_EXAMPLES)
@given(case=problems(), where=st.integers(0, 50))
def test_bad_step(solution, case, where):
    net, X, y = case
    model = _build(solution, net)
    _loss, grads0 = _unpack(model.loss_and_grads(X, y), net)
    for key in KEYS:
        for kind in STEP_DEFECTS:
            grads, lr, value = dict(grads0), 0.1, grads0[key]
            if kind == "missing":
                grads = {k: v for k, v in grads.items() if k != key}
            elif kind == "longer":
                grads[key] = value + [value[0]]
            elif kind == "shorter":
                if len(value) < 2:
                    continue
                grads[key] = value[:-1]
            elif kind in ("nan", "inf"):
                if key[0] == "W":
                    grads[key] = [list(r) for r in value]
                    grads[key][where % len(value)][where % len(value[0])] = float(kind)
                else:
                    grads[key] = list(value)
                    grads[key][where % len(value)] = float(kind)
            else:
                lr = {"lr -0.1": -0.1, "lr nan": math.nan, "lr inf": math.inf}[kind]
            with expect_raises(ValueError):
                model.step(grads, lr)
    # Nothing above may have moved the model: its loss is still the one it started with.
    _expect_exact(model.loss_and_grads(X, y), net, X, y, 0.0, "after steps that all had to raise ValueError")


# --- large input: time -----------------------------------------------------------------------------------------------------------


@kept
def _large() -> tuple[dict, list, list, float, dict]:
    """40 000 rows, D = 4, H = 8, C = 3, and the expected loss and gradients (plain-Python float64, math.fsum)."""
    rng = random.Random(23)
    n, d, h, c = LARGE_N, LARGE_D, LARGE_H, LARGE_C
    net = {"W1": [[rng.randrange(-8, 9) / 8 for _ in range(h)] for _ in range(d)],
           "b1": [rng.randrange(-8, 9) / 8 for _ in range(h)],
           "W2": [[rng.randrange(-8, 9) / 8 for _ in range(c)] for _ in range(h)],
           "b2": [rng.randrange(-8, 9) / 8 for _ in range(c)]}
    X = [[rng.randrange(-4, 5) for _ in range(d)] for _ in range(n)]
    y = [rng.randrange(c) for _ in range(n)]
    l2 = 0.01
    losses = []
    dW1 = [[[] for _ in range(h)] for _ in range(d)]
    dW2 = [[[] for _ in range(c)] for _ in range(h)]
    db1 = [[] for _ in range(h)]
    db2 = [[] for _ in range(c)]
    for row, label in zip(X, y):
        a = [sum(x * net["W1"][m][k] for m, x in enumerate(row)) + net["b1"][k] for k in range(h)]
        hd = [max(v, 0.0) for v in a]
        s = [sum(hd[k] * net["W2"][k][j] for k in range(h)) + net["b2"][j] for j in range(c)]
        top = max(s)
        e = [math.exp(v - top) for v in s]
        z = math.fsum(e)
        losses.append(top + math.log(z) - s[label])
        ds = [(e[j] / z - (j == label)) / n for j in range(c)]
        for j in range(c):
            db2[j].append(ds[j])
            for k in range(h):
                dW2[k][j].append(hd[k] * ds[j])
        for k in range(h):
            da = math.fsum(ds[j] * net["W2"][k][j] for j in range(c)) if a[k] > 0 else 0.0
            db1[k].append(da)
            for m in range(d):
                dW1[m][k].append(row[m] * da)
    penalty = math.fsum(w * w for r in net["W1"] + net["W2"] for w in r)
    loss = math.fsum(losses) / n + 0.5 * l2 * penalty
    grads = {"W1": [[math.fsum(v) + l2 * net["W1"][m][k] for k, v in enumerate(r)] for m, r in enumerate(dW1)],
             "b1": [math.fsum(v) for v in db1],
             "W2": [[math.fsum(v) + l2 * net["W2"][k][j] for j, v in enumerate(r)] for k, r in enumerate(dW2)],
             "b2": [math.fsum(v) for v in db2]}
    return net, X, y, loss, grads


@category("large input: 40 000 rows")
def test_large(solution):
    net, X, y, want_loss, want = _large()
    loss, grads = _unpack(_build(solution, net).loss_and_grads(X, y, 0.01), net)
    expect(abs(loss - want_loss) <= 1e-9, f"the loss over {LARGE_N} rows", expected=want_loss, actual=loss)
    for key in KEYS:
        got_rows = grads[key] if key[0] == "W" else [grads[key]]
        want_rows = want[key] if key[0] == "W" else [want[key]]
        for g_row, w_row in zip(got_rows, want_rows):
            if max(abs(g - w) for g, w in zip(g_row, w_row)) > 1e-9:
                fail(f"grads[{key!r}] over {LARGE_N} rows", expected=want[key], actual=grads[key])
