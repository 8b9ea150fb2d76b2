"""Hidden properties of `LayerNorm`: spec.md, rule by rule.

The oracle is exact arithmetic, not the reference: every float64 input is an
exact decimal and the statistics, x_hat, y and the three gradients are
computed from the definitions with 50-digit decimals (the standard library's
`decimal`). Tolerances follow what float64 can know: 1e-8 of the size of the
terms, where x_hat's own rounding is about 1e-16 * max|v| / sigma (so an input
of 1e6 + values of size 1 keeps about 1e-10: enough to catch the one-pass
variance mean(x^2) - mean(x)^2, which is off by about 1e-4 there).

Gradients are also checked against central finite differences of the
solution's own forward (h = 1e-5 on vectors whose sigma is at least 0.3:
truncation error about 1e-9, rounding about 1e-10; tolerance 1e-6 of the
size), and against the exact invariants: each vector of dx sums to 0, and its
dot product with x_hat is eps (g . x_hat) / sigma^3 (0 but for eps).

`attribute` reads dgamma and dbeta from the solution's instance, and
`method_and_arguments` shows x and dy as forward and backward left them.
"""

from __future__ import annotations

import decimal
import math
import random
from decimal import Decimal

from hypothesis import assume, given, settings, strategies as st

from judge.testing import NdArray, attribute, category, expect, expect_raises, fail, kept, method_and_arguments

EXACT = decimal.Context(prec=50, traps=[decimal.InvalidOperation, decimal.DivisionByZero])
REL = 1e-8
FD_STEP = 1e-5
FD_TOL = 1e-6
SHAPE_EXAMPLES = 12
LARGE_VECTORS, LARGE_D = 4, 50_000

value = st.one_of(st.integers(-4, 4), st.integers(-16, 16).map(lambda k: k / 4),
                  st.floats(-4, 4, allow_nan=False, allow_infinity=False))
weight = st.one_of(st.integers(-3, 3), st.floats(-3, 3, allow_nan=False, allow_infinity=False))


# --- shapes ----------------------------------------------------------------------------------------------------


def _flatten(x) -> list[list]:
    """The vectors along the last axis of a nested list, in order."""
    if x and not isinstance(x[0], (list, tuple)):
        return [list(x)]
    return [v for part in x for v in _flatten(part)]


def _nest(vectors: list[list], lead: tuple[int, ...]):
    """Inverse of _flatten for a leading shape `lead` (() for a single vector)."""
    if not lead:
        return vectors[0]
    step = len(vectors) // lead[0]
    return [_nest(vectors[i * step:(i + 1) * step], lead[1:]) for i in range(lead[0])]


def _shape(x) -> tuple:
    shape = []
    while isinstance(x, (list, tuple)):
        shape.append(len(x))
        x = x[0] if x else None
    return tuple(shape)


def _expect_shaped(got, lead: tuple, d: int, what: str) -> list[list[float]]:
    """Checks that `got` is nested lists (or an array) of shape lead + (d,) of numbers; returns its vectors."""
    want = (*lead, d)

    def walk(part, depth: int) -> None:
        if not (isinstance(part, (list, tuple)) and len(part) == want[depth]):
            fail(f"{what} must have the shape of x, {want}", actual=got)
        if depth == len(want) - 1:
            if not set(map(type, part)) <= {int, float}:
                fail(f"{what} must hold numbers", actual=part)
            return
        for item in part:
            walk(item, depth + 1)

    walk(got, 0)
    return [[float(v) for v in vec] for vec in _flatten(got)] if lead else [[float(v) for v in got]]


# --- strategies ---------------------------------------------------------------------------------------------------


@st.composite
def layers(draw: st.DrawFn, max_d: int = 5, min_d: int = 1) -> tuple[list, list]:
    d = draw(st.integers(min_d, max_d))
    gamma = draw(st.lists(weight, min_size=d, max_size=d))
    beta = draw(st.lists(weight, min_size=d, max_size=d))
    return gamma, beta


@st.composite
def inputs(draw: st.DrawFn, d: int, max_axes: int = 3, entries=value) -> tuple[object, tuple]:
    """(x, leading shape): x a nested list of shape lead + (d,)."""
    lead = tuple(draw(st.lists(st.integers(1, 3), max_size=max_axes)))
    count = math.prod(lead)
    vectors = [draw(st.lists(entries, min_size=d, max_size=d)) for _ in range(count)]
    return _nest(vectors, lead), lead


# --- the exact oracle --------------------------------------------------------------------------------------------------


def _d(v) -> Decimal:
    return Decimal(float(v))


def _stats(vec: list) -> tuple[list[Decimal], Decimal, Decimal]:
    """(centred values, variance, max |v|) in decimals."""
    d = Decimal(len(vec))
    values = [_d(v) for v in vec]
    total = Decimal(0)
    for v in values:
        total = EXACT.add(total, v)
    mean = EXACT.divide(total, d)
    centred = [EXACT.subtract(v, mean) for v in values]
    square = Decimal(0)
    for c in centred:
        square = EXACT.add(square, EXACT.multiply(c, c))
    return centred, EXACT.divide(square, d), max(abs(v) for v in values)


def _exact_forward(vec: list, gamma: list, beta: list, eps: float):
    """(x_hat, y, sigma, max|v|) of one vector."""
    centred, var, top = _stats(vec)
    sigma = EXACT.sqrt(EXACT.add(var, _d(eps)))
    x_hat = [EXACT.divide(c, sigma) for c in centred]
    y = [EXACT.add(EXACT.multiply(_d(g), h), _d(b)) for h, g, b in zip(x_hat, gamma, beta)]
    return x_hat, y, sigma, top


def _exact_backward(vec: list, dvec: list, gamma: list, eps: float):
    """(dx of one vector, its dgamma and dbeta contributions, sigma, max|v|)."""
    x_hat, _y, sigma, top = _exact_forward(vec, gamma, [0] * len(vec), eps)
    d = Decimal(len(vec))
    g = [EXACT.multiply(_d(dy), _d(gm)) for dy, gm in zip(dvec, gamma)]
    mean_g = EXACT.divide(sum(g, Decimal(0)), d)
    mean_gx = EXACT.divide(sum((EXACT.multiply(a, h) for a, h in zip(g, x_hat)), Decimal(0)), d)
    dx = [EXACT.divide(EXACT.subtract(EXACT.subtract(a, mean_g), EXACT.multiply(h, mean_gx)), sigma)
          for a, h in zip(g, x_hat)]
    dgamma = [EXACT.multiply(_d(dy), h) for dy, h in zip(dvec, x_hat)]
    return dx, dgamma, [_d(dy) for dy in dvec], sigma, top


def _spread(top: Decimal, sigma: Decimal) -> float:
    """How much x_hat's rounding grows with a large offset: 1 + 1e-6 * max|v| / sigma."""
    return 1.0 + 1e-6 * float(top / sigma)


# --- talking to the solution -------------------------------------------------------------------------------------------


def _maybe_array(x, as_array: bool):
    return NdArray(x) if as_array else x


def _expect_forward(got, x, lead: tuple, gamma: list, beta: list, eps: float, why: str) -> None:
    d = len(gamma)
    vectors = _expect_shaped(got, lead, d, "forward's result")
    for i, (vec, out) in enumerate(zip(_flatten(x) if lead else [x], vectors)):
        _x_hat, y, sigma, top = _exact_forward(vec, gamma, beta, eps)
        for j, (g, w) in enumerate(zip(out, y)):
            tol = REL * (1 + abs(gamma[j]) * _spread(top, sigma) + abs(beta[j]))
            if not (math.isfinite(g) and abs(Decimal(g) - w) <= Decimal(tol)):
                fail(f"y of vector {i} ({vec}), entry {j}: {g!r}, exactly {float(w)!r} (tolerance {tol:.2g}): {why}",
                     expected=[float(v) for v in y], actual=out)


def _expect_backward(model, x, dy, lead: tuple, gamma: list, eps: float, why: str, as_array: bool = False) -> None:
    d = len(gamma)
    got = _expect_shaped(model.backward(_maybe_array(dy, as_array)), lead, d, "backward's result (dx)")
    xs, dys = (_flatten(x), _flatten(dy)) if lead else ([x], [dy])
    want_dgamma = [Decimal(0)] * d
    want_dbeta = [Decimal(0)] * d
    gamma_tol = [0.0] * d
    beta_tol = [0.0] * d
    for i, (vec, dvec, out) in enumerate(zip(xs, dys, got)):
        dx, dg, db, sigma, top = _exact_backward(vec, dvec, gamma, eps)
        spread = _spread(top, sigma)
        size = d * max(abs(float(a) * float(b)) for a, b in zip(dvec, gamma)) / float(sigma)
        for j, (g, w) in enumerate(zip(out, dx)):
            tol = REL * (1 + size * spread)
            if not (math.isfinite(g) and abs(Decimal(g) - w) <= Decimal(tol)):
                fail(f"dx of vector {i}, entry {j}: {g!r}, exactly {float(w)!r} (tolerance {tol:.2g}): {why}",
                     expected=[float(v) for v in dx], actual=out)
        want_dgamma = [EXACT.add(a, b) for a, b in zip(want_dgamma, dg)]
        want_dbeta = [EXACT.add(a, b) for a, b in zip(want_dbeta, db)]
        for j in range(d):
            gamma_tol[j] += abs(float(dvec[j])) * math.sqrt(d) * spread
            beta_tol[j] += abs(float(dvec[j]))
    for name, want, tols in (("dgamma", want_dgamma, gamma_tol), ("dbeta", want_dbeta, beta_tol)):
        value = attribute(model, name)
        if not (isinstance(value, (list, tuple)) and len(value) == d
                and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in value)):
            fail(f"after backward, model.{name} must be a vector of {d} numbers", actual=value)
        for j, (g, w, t) in enumerate(zip(value, want, tols)):
            tol = REL * (1 + t)
            if not (math.isfinite(g) and abs(Decimal(float(g)) - w) <= Decimal(tol)):
                fail(f"model.{name}[{j}] is {g!r}, exactly {float(w)!r} (the sum over every leading index): {why}",
                     expected=[float(v) for v in want], actual=value)


# --- worked examples ------------------------------------------------------------------------------------------------------


@category("examples")
def test_statement_example(solution):
    gamma, beta = [1.0, 2.0, 0.5], [0.0, 1.0, -1.0]
    x, dy = [[1.0, 2.0, 3.0], [4.0, 4.0, 4.0]], [[1.0, 0.0, 0.0], [0.0, 0.0, 0.0]]
    model = solution.LayerNorm(gamma, beta)
    _expect_forward(model.forward(x), x, (2,), gamma, beta, 1e-5, "the statement's example")
    _expect_backward(model, x, dy, (2,), gamma, 1e-5, "the statement's example")


# --- forward ----------------------------------------------------------------------------------------------------------------


@category("forward: normalise over the last axis")
@given(layer=layers(), data=st.data(), as_array=st.booleans())
def test_forward(solution, layer, data, as_array):
    gamma, beta = layer
    x, lead = data.draw(inputs(len(gamma)))
    model = solution.LayerNorm(_maybe_array(gamma, as_array), _maybe_array(beta, as_array))
    _expect_forward(model.forward(_maybe_array(x, as_array)), x, lead, gamma, beta, 1e-5,
                    "(v - mean) / sqrt(biased variance + eps) * gamma + beta")


@category("any leading shape: (D,) to four axes")
@given(layer=layers(max_d=4), axes=st.integers(0, 3), data=st.data(), as_array=st.booleans())
def test_leading_shapes(solution, layer, axes, data, as_array):
    gamma, beta = layer
    lead = tuple(data.draw(st.lists(st.integers(1, 3), min_size=axes, max_size=axes)))
    vectors = [data.draw(st.lists(value, min_size=len(gamma), max_size=len(gamma))) for _ in range(math.prod(lead))]
    x = _nest(vectors, lead)
    dy = _nest([data.draw(st.lists(value, min_size=len(gamma), max_size=len(gamma))) for _ in vectors], lead)
    model = solution.LayerNorm(gamma, beta)
    _expect_forward(model.forward(_maybe_array(x, as_array)), x, lead, gamma, beta, 1e-5,
                    f"x of shape {(*lead, len(gamma))}: every vector along the last axis on its own")
    _expect_backward(model, x, dy, lead, gamma, 1e-5,
                     f"x of shape {(*lead, len(gamma))}: dgamma and dbeta sum over every leading axis", as_array)


@category("constant vectors and D = 1: x_hat = 0")
@given(layer=layers(), data=st.data())
def test_constant_vectors(solution, layer, data):
    gamma, beta = layer
    d = len(gamma)
    lead = (data.draw(st.integers(1, 3)),)
    x = [[data.draw(value)] * d for _ in range(lead[0])]
    dy = [data.draw(st.lists(value, min_size=d, max_size=d)) for _ in range(lead[0])]
    model = solution.LayerNorm(gamma, beta)
    _expect_forward(model.forward(x), x, lead, gamma, beta, 1e-5, "a constant vector has variance 0: x_hat = 0, y = beta")
    _expect_backward(model, x, dy, lead, gamma, 1e-5, "a constant vector: dx = (g - mean(g)) / sqrt(eps)")


@category("eps")
@given(layer=layers(), eps=st.sampled_from([1e-12, 1e-3, 0.5, 2, 10.0]), data=st.data())
def test_eps(solution, layer, eps, data):
    gamma, beta = layer
    x, lead = data.draw(inputs(len(gamma), max_axes=1))
    dy = _nest([data.draw(st.lists(value, min_size=len(gamma), max_size=len(gamma))) for _ in _flatten(x)], lead) \
        if lead else data.draw(st.lists(value, min_size=len(gamma), max_size=len(gamma)))
    model = solution.LayerNorm(gamma, beta, eps=eps)
    _expect_forward(model.forward(x), x, lead, gamma, beta, eps, f"eps = {eps!r} inside the square root")
    _expect_backward(model, x, dy, lead, gamma, eps, f"eps = {eps!r}")


@category("stable with a large offset (two-pass variance)")
@given(layer=layers(min_d=2), offset=st.sampled_from([1e4, -1e5, 1e6, 3e6]), data=st.data())
def test_large_offset(solution, layer, offset, data):
    gamma, beta = layer
    d = len(gamma)
    rows = data.draw(st.integers(1, 3))
    # Offsets plus eighths: exact in float64; the deviations have size ~1 while the values have size ~1e6.
    x = [[offset + data.draw(st.integers(-16, 16)) / 8 for _ in range(d)] for _ in range(rows)]
    model = solution.LayerNorm(gamma, beta)
    _expect_forward(model.forward(x), x, (rows,), gamma, beta, 1e-5,
                    f"values {offset:g} + small numbers: mean(x^2) - mean(x)^2 cancels; use the squared deviations")


# --- backward ----------------------------------------------------------------------------------------------------------------


@category("backward: dx, dgamma, dbeta")
@given(layer=layers(), data=st.data(), as_array=st.booleans())
def test_backward(solution, layer, data, as_array):
    gamma, beta = layer
    x, lead = data.draw(inputs(len(gamma)))
    vectors = [data.draw(st.lists(value, min_size=len(gamma), max_size=len(gamma))) for _ in (_flatten(x) if lead else [x])]
    dy = _nest(vectors, lead) if lead else vectors[0]
    model = solution.LayerNorm(gamma, beta)
    model.forward(_maybe_array(x, as_array))
    _expect_backward(model, x, dy, lead, gamma, 1e-5,
                     "dx = (g - mean(g) - x_hat * mean(g * x_hat)) / sigma with g = dy * gamma", as_array)


@category("backward: the last forward, no accumulation")
@given(layer=layers(max_d=4), data=st.data())
def test_backward_twice_and_after_a_new_forward(solution, layer, data):
    gamma, beta = layer
    d = len(gamma)
    rows = st.lists(st.lists(value, min_size=d, max_size=d), min_size=2, max_size=2)
    x1, x2, dy1, dy2 = (data.draw(rows) for _ in range(4))
    model = solution.LayerNorm(gamma, beta)
    model.forward(x1)
    model.backward(dy1)
    _expect_backward(model, x1, dy2, (2,), gamma, 1e-5,
                     "a second backward after the same forward: dgamma and dbeta are replaced, not accumulated")
    model.forward(x2)
    _expect_backward(model, x2, dy1, (2,), gamma, 1e-5, "backward after a new forward uses the new x")


@category("backward: finite differences")
@settings(max_examples=10)
@given(layer=layers(max_d=4, min_d=2), data=st.data())
def test_finite_differences(solution, layer, data):
    gamma, beta = layer
    d = len(gamma)
    x = [data.draw(st.lists(value, min_size=d, max_size=d)) for _ in range(2)]
    # sigma >= 0.3 in every vector, so the second and third derivatives stay small.
    assume(all(sum((v - sum(r) / d) ** 2 for v in r) / d >= 0.09 for r in x))
    dy = [data.draw(st.lists(value, min_size=d, max_size=d)) for _ in range(2)]
    model = solution.LayerNorm(gamma, beta)
    model.forward(x)
    dx = _expect_shaped(model.backward(dy), (2,), d, "backward's result (dx)")
    grads = {"gamma": attribute(model, "dgamma"), "beta": attribute(model, "dbeta")}

    def objective(x_, gamma_, beta_) -> float:
        y = _expect_shaped(solution.LayerNorm(gamma_, beta_).forward(x_), (2,), d, "forward's result")
        return math.fsum(a * b for ry, rd in zip(y, dy) for a, b in zip(ry, rd))

    def check(what: str, got: float, up: float, down: float) -> None:
        slope = (up - down) / (2 * FD_STEP)
        if not abs(slope - float(got)) <= FD_TOL * (1 + abs(slope)):
            fail(f"{what} is {got!r}, but sum(dy * forward(...)) changes at the rate {slope!r} when it moves "
                 f"(central difference, h = {FD_STEP:g})", expected=slope, actual=got)

    for i in range(2):
        for j in range(d):
            up = [r[:] for r in x]
            down = [r[:] for r in x]
            up[i][j] += FD_STEP
            down[i][j] -= FD_STEP
            check(f"dx[{i}][{j}]", dx[i][j], objective(up, gamma, beta), objective(down, gamma, beta))
    for name, params in (("gamma", gamma), ("beta", beta)):
        for j in range(d):
            up, down = list(params), list(params)
            up[j] += FD_STEP
            down[j] -= FD_STEP
            args_up = (x, up, beta) if name == "gamma" else (x, gamma, up)
            args_down = (x, down, beta) if name == "gamma" else (x, gamma, down)
            check(f"model.d{name}[{j}]", grads[name][j], objective(*args_up), objective(*args_down))


@category("backward: invariants")
@given(d=st.integers(2, 6), data=st.data())
def test_invariants(solution, d, data):
    rows = data.draw(st.integers(1, 3))
    x = [data.draw(st.lists(value, min_size=d, max_size=d)) for _ in range(rows)]
    dy = [data.draw(st.lists(value, min_size=d, max_size=d)) for _ in range(rows)]
    model = solution.LayerNorm([1.0] * d, [0.0] * d)
    y = _expect_shaped(model.forward(x), (rows,), d, "forward's result")  # gamma = 1, beta = 0: y is x_hat
    dx = _expect_shaped(model.backward(dy), (rows,), d, "backward's result (dx)")
    for i, (vec, yi, dxi) in enumerate(zip(x, y, dx)):
        _centred, var, _top = _stats(vec)
        mean = math.fsum(yi) / d
        square = math.fsum(v * v for v in yi) / d
        want_square = float(var / (var + _d(1e-5)))
        expect(abs(mean) <= 1e-12 and abs(square - want_square) <= 1e-9,
               f"with gamma = 1 and beta = 0, output vector {i} must have mean 0 and mean square "
               f"var / (var + eps) = {want_square!r}; it has {mean!r} and {square!r}", actual=yi)
        size = 1 + math.fsum(abs(v) for v in dxi)
        total = math.fsum(dxi)
        expect(abs(total) <= 1e-9 * size, f"dx of vector {i} sums to {total!r}, not 0 (y does not change when a "
               "constant is added to the vector)", actual=dxi)
        # Scaling the deviations by (1 + t) changes y only through eps: dx . x_hat = eps (dy . x_hat) / sigma^3.
        dot = math.fsum(a * b for a, b in zip(dxi, yi))
        sigma2 = float(var) + 1e-5
        want_dot = 1e-5 * math.fsum(a * b for a, b in zip(dy[i], yi)) / sigma2 ** 1.5
        expect(abs(dot - want_dot) <= 1e-9 * size * (1 + math.sqrt(d)),
               f"dx of vector {i} . x_hat is {dot!r}; it must be eps (dy . x_hat) / sigma^3 = {want_dot!r} "
               "(scaling a vector about its mean changes y only through eps)", actual=dxi)


# --- arguments ---------------------------------------------------------------------------------------------------------------


@category("arguments are not modified")
@given(layer=layers(), data=st.data())
def test_arguments_unchanged(solution, layer, data):
    gamma, beta = layer
    x, lead = data.draw(inputs(len(gamma), max_axes=2))
    vectors = [data.draw(st.lists(value, min_size=len(gamma), max_size=len(gamma))) for _ in (_flatten(x) if lead else [x])]
    dy = _nest(vectors, lead) if lead else vectors[0]
    model = solution.LayerNorm(gamma, beta)
    args = method_and_arguments(model, "forward", NdArray(x)).args
    expect(_flatten(args[0]) == _flatten(x) if lead else args[0] == x,
           "forward modified x (normalise a copy)", expected=x, actual=args[0])
    args = method_and_arguments(model, "backward", NdArray(dy)).args
    expect(_flatten(args[0]) == _flatten(dy) if lead else args[0] == dy,
           "backward modified dy", expected=dy, actual=args[0])
    _expect_backward(model, x, dy, lead, gamma, 1e-5, "forward, then backward twice on the same dy")


# --- errors ---------------------------------------------------------------------------------------------------------------------


@category("bad gamma, beta or eps: ValueError")
@settings(max_examples=SHAPE_EXAMPLES * 2)
@given(layer=layers(), where=st.integers(0, 20), bad=st.sampled_from([math.nan, math.inf, -math.inf]),
       as_array=st.booleans())
def test_bad_constructor(solution, layer, where, bad, as_array):
    gamma, beta = layer
    broken = list(gamma)
    broken[where % len(broken)] = bad
    cases = [
        (broken, beta, {}), (gamma, broken, {}),
        ([], [], {}), (gamma, beta + [1.0], {}), (gamma + [1.0], beta, {}),
        ([gamma], [beta], {}),
        (gamma, beta, {"eps": 0}), (gamma, beta, {"eps": -1e-5}), (gamma, beta, {"eps": math.nan}),
        (gamma, beta, {"eps": math.inf}),
    ]
    for g, b, kwargs in cases:
        with expect_raises(ValueError):
            solution.LayerNorm(_maybe_array(g, as_array), _maybe_array(b, as_array), **kwargs)


X_DEFECTS = ["wider", "narrower", "nan", "inf", "-inf", "empty", "zero rows", "scalar", "ragged"]


@category("bad x: ValueError")
@settings(max_examples=SHAPE_EXAMPLES)
@given(layer=layers(), data=st.data(), as_array=st.booleans())
def test_bad_x(solution, layer, data, as_array):
    gamma, beta = layer
    d = len(gamma)
    x, lead = data.draw(inputs(d, max_axes=2))
    where = data.draw(st.integers(0, max(1, math.prod(lead)) * d - 1))  # first, last, middle or the only entry
    model = solution.LayerNorm(gamma, beta)
    for kind in X_DEFECTS:
        vectors = [list(v) for v in _flatten(x)] if lead else [list(x)]
        array = as_array
        if kind in ("nan", "inf", "-inf"):
            vectors[where // d][where % d] = float(kind)
            bad = _nest(vectors, lead) if lead else vectors[0]
        else:
            bad = {"wider": [v + [1.0] for v in vectors],
                   "narrower": [v[:-1] for v in vectors] if d > 1 else [[1.0, 2.0]],
                   "empty": [], "zero rows": [[] for _ in vectors], "scalar": 1.0,
                   "ragged": vectors + [vectors[0] + [1.0]]}[kind]
            array = as_array and kind not in ("ragged", "scalar")
        with expect_raises(ValueError):
            model.forward(_maybe_array(bad, array))


@category("backward before forward: RuntimeError")
@given(layer=layers())
def test_backward_before_forward(solution, layer):
    gamma, beta = layer
    with expect_raises(RuntimeError):
        solution.LayerNorm(gamma, beta).backward([[1.0] * len(gamma)])


DY_DEFECTS = ["wider", "more rows", "fewer rows", "flattened", "nan", "inf"]


@category("bad dy: ValueError")
@settings(max_examples=SHAPE_EXAMPLES)
@given(layer=layers(), data=st.data())
def test_bad_dy(solution, layer, data):
    gamma, beta = layer
    d = len(gamma)
    rows = data.draw(st.integers(1, 3))
    x = [data.draw(st.lists(value, min_size=d, max_size=d)) for _ in range(rows)]
    where = data.draw(st.integers(0, rows * d - 1))
    model = solution.LayerNorm(gamma, beta)
    model.forward(x)
    for kind in DY_DEFECTS:
        dy = [list(v) for v in x]
        if kind in ("nan", "inf"):
            dy[where // d][where % d] = float(kind)
        else:
            dy = {"wider": [v + [0.0] for v in dy], "more rows": dy + [dy[0]], "fewer rows": dy[:-1] or [],
                  "flattened": [v for row in dy for v in row] + [0.0]}[kind]
        with expect_raises(ValueError):
            model.backward(dy)


# --- large input: time ---------------------------------------------------------------------------------------------------------


@kept
def _large() -> dict:
    """4 vectors of D = 50 000, and the expected y, dx, dgamma, dbeta in float64 (plain Python, math.fsum)."""
    rng = random.Random(11)
    d = LARGE_D
    gamma = [round(rng.uniform(0.5, 2), 3) for _ in range(d)]
    beta = [round(rng.uniform(-1, 1), 3) for _ in range(d)]
    x = [[round(rng.gauss(3 * k, 1 + k), 4) for _ in range(d)] for k in range(LARGE_VECTORS)]
    dy = [[round(rng.gauss(0, 1), 4) for _ in range(d)] for _ in range(LARGE_VECTORS)]
    ys, dxs, x_hats = [], [], []
    for vec, dvec in zip(x, dy):
        mean = math.fsum(vec) / d
        sigma = math.sqrt(math.fsum((v - mean) ** 2 for v in vec) / d + 1e-5)
        x_hat = [(v - mean) / sigma for v in vec]
        x_hats.append(x_hat)
        ys.append([h * g + b for h, g, b in zip(x_hat, gamma, beta)])
        g = [a * b for a, b in zip(dvec, gamma)]
        mean_g = math.fsum(g) / d
        mean_gx = math.fsum(a * h for a, h in zip(g, x_hat)) / d
        dxs.append([(a - mean_g - h * mean_gx) / sigma for a, h in zip(g, x_hat)])
    dgamma = [math.fsum(dy[k][j] * x_hats[k][j] for k in range(LARGE_VECTORS)) for j in range(d)]
    dbeta = [math.fsum(dy[k][j] for k in range(LARGE_VECTORS)) for j in range(d)]
    return {"gamma": gamma, "beta": beta, "x": x, "dy": dy, "y": ys, "dx": dxs, "dgamma": dgamma, "dbeta": dbeta}


def _expect_close(got: list, want: list, tol: float, what: str) -> None:
    worst = max(range(len(want)), key=lambda j: abs(got[j] - want[j]))
    if not abs(got[worst] - want[worst]) <= tol:
        fail(f"{what}, entry {worst} of {len(want)}", expected=want[worst], actual=got[worst])


@category("large input: 4 vectors of 50 000")
def test_large(solution):
    data = _large()
    model = solution.LayerNorm(data["gamma"], data["beta"])
    y = _expect_shaped(model.forward(data["x"]), (LARGE_VECTORS,), LARGE_D, "forward's result")
    dx = _expect_shaped(model.backward(data["dy"]), (LARGE_VECTORS,), LARGE_D, "backward's result (dx)")
    for k in range(LARGE_VECTORS):
        _expect_close(y[k], data["y"][k], 1e-8, f"y of vector {k}")
        _expect_close(dx[k], data["dx"][k], 1e-8, f"dx of vector {k}")
    _expect_close([float(v) for v in attribute(model, "dgamma")], data["dgamma"], 1e-8, "dgamma")
    _expect_close([float(v) for v in attribute(model, "dbeta")], data["dbeta"], 1e-8, "dbeta")
