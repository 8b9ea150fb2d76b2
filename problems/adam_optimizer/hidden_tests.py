"""Hidden properties of `Adam`, rule by rule as spec.md states them.

The oracle is the update written out in pure Python, one scalar at a time
(math.sqrt, floats), with its own step counter and moment lists: it shares no
code with a NumPy solution. Parameters are multiples of 1/8 and gradients
multiples of 1/16, so the inputs are exact; the update is then a handful of
correctly rounded operations per element. Two correct float64 orderings of
the same formulas (b1*m + (1-b1)*g or m + (1-b1)*(g-m), p*(1-lr*wd) or
p - lr*wd*p, lr/c1 * m / (sqrt(v)/sqrt(c2) + eps) as PyTorch writes it)
differ by a few ulps of the terms per step, so every element is compared
within REL = 1e-12 times the size of everything that went into it: |p_0|
plus the sum of the sizes of every change so far. A wrong rule (no bias
correction, eps inside the square root or not corrected, the decay in the
wrong place) moves results by 1e-9 relative or much more.

Closed-loop convergence: Adam minimises a convex quadratic when the judge
feeds back the gradient at the parameters the solution returned.
"""

from __future__ import annotations

import math
import random

from hypothesis import given, settings, strategies as st

from judge.testing import NdArray, category, cpu_budget, expect, expect_raises, fail, kept

REL = 1e-12
SHAPE_EXAMPLES = 10
LRS = [1e-3, 0.01, 0.1, 0.5]
BETA1S = [0.0, 0.5, 0.9]
BETA2S = [0.0, 0.9, 0.999]
EPSS = [1e-8, 1e-3, 0.5]
DECAYS = [0.0, 0.01, 0.1]
# Closed loop: 1000 steps of lr 0.03 on sum a_i (p_i - c_i)^2 / 2 reach the minimum within 1e-6.
LOOP_STEPS, LOOP_LR, LOOP_TOL = 1000, 0.03, 1e-6

param_values = st.integers(-32, 32).map(lambda k: k / 8)
grad_values = st.integers(-32, 32).map(lambda k: k / 16)
shapes = st.one_of(st.tuples(st.integers(1, 4)), st.tuples(st.integers(1, 3), st.integers(1, 3)))


# --- strategies ------------------------------------------------------------------------------------


def _fill(draw: st.DrawFn, shape: tuple, values) -> list:
    if len(shape) == 1:
        return [draw(values) for _ in range(shape[0])]
    return [_fill(draw, shape[1:], values) for _ in range(shape[0])]


@st.composite
def hyper(draw: st.DrawFn, decay: bool | None = None) -> dict:
    h = {"lr": draw(st.sampled_from(LRS)), "beta1": draw(st.sampled_from(BETA1S)),
         "beta2": draw(st.sampled_from(BETA2S)), "eps": draw(st.sampled_from(EPSS)),
         "decoupled": draw(st.booleans())}
    h["weight_decay"] = (draw(st.sampled_from(DECAYS)) if decay is None
                         else draw(st.sampled_from(DECAYS[1:])) if decay else 0.0)
    return h


@st.composite
def runs(draw: st.DrawFn, max_params: int = 3, max_steps: int = 6, decay: bool | None = None) -> dict:
    """Hyperparameters, initial parameters and a fixed gradient sequence (open loop)."""
    shape_list = draw(st.lists(shapes, min_size=1, max_size=max_params))
    steps = draw(st.integers(1, max_steps))
    return {"hyper": draw(hyper(decay)), "params": [_fill(draw, s, param_values) for s in shape_list],
            "grads": [[_fill(draw, s, grad_values) for s in shape_list] for _ in range(steps)]}


# --- the oracle --------------------------------------------------------------------------------------


def _flat(value) -> list[float]:
    if isinstance(value, list):
        return [v for item in value for v in _flat(item)]
    return [float(value)]


def _shape(value) -> tuple:
    return (len(value),) + _shape(value[0]) if isinstance(value, list) and value else (
        (0,) if isinstance(value, list) else ())


class _Oracle:
    """Adam by the statement, one float at a time; also the size of what fed each element."""

    def __init__(self, lr, beta1, beta2, eps, weight_decay, decoupled):
        self.lr, self.b1, self.b2, self.eps, self.wd, self.decoupled = lr, beta1, beta2, eps, weight_decay, decoupled
        self.t, self.m, self.v, self.size = 0, None, None, None

    def step(self, params: list[list[float]], grads: list[list[float]]) -> list[list[float]]:
        if self.m is None:
            self.m = [[0.0] * len(p) for p in params]
            self.v = [[0.0] * len(p) for p in params]
            self.size = [[abs(x) for x in p] for p in params]
        self.t += 1
        c1, c2 = 1 - self.b1 ** self.t, 1 - self.b2 ** self.t
        out = []
        for i, (p, g) in enumerate(zip(params, grads)):
            new = []
            for j, (x, d) in enumerate(zip(p, g)):
                if not self.decoupled:
                    d = d + self.wd * x
                self.m[i][j] = self.b1 * self.m[i][j] + (1 - self.b1) * d
                self.v[i][j] = self.b2 * self.v[i][j] + (1 - self.b2) * d * d
                adam = self.lr * (self.m[i][j] / c1) / (math.sqrt(self.v[i][j] / c2) + self.eps)
                shrink = self.lr * self.wd * x if self.decoupled else 0.0
                self.size[i][j] += abs(adam) + abs(shrink) + abs(self.wd * x)
                new.append(x - shrink - adam)
            out.append(new)
        return out

    def tolerances(self) -> list[list[float]]:
        return [[REL * s + 1e-300 for s in row] for row in self.size]


# --- talking to the solution ---------------------------------------------------------------------------


def _make(solution, h: dict):
    return solution.Adam(**h)


def _expect_params(got, want_flat: list[list[float]], tolerances: list[list[float]], shapes_: list[tuple],
                   why: str) -> None:
    expect(isinstance(got, list) and len(got) == len(shapes_),
           f"step must return a list of {len(shapes_)} arrays, one per parameter", actual=got)
    for i, (g, w, tol, shape) in enumerate(zip(got, want_flat, tolerances, shapes_)):
        if _shape(g) != shape:
            fail(f"parameter {i} must keep its shape {shape}", expected=f"shape {shape}", actual=g)
        flat = _flat(g)
        for j, (a, e, t) in enumerate(zip(flat, w, tol)):
            if isinstance(a, bool) or not isinstance(a, (int, float)) or not abs(a - e) <= t:
                fail(f"parameter {i}, element {j} (flat index) is wrong: {why}", expected=e, actual=a)


def _run(solution, run: dict, arrays: bool = False, why: str = "") -> None:
    h = run["hyper"]
    wrap = NdArray if arrays else (lambda v: v)
    opt, oracle = _make(solution, h), _Oracle(**h)
    params = run["params"]
    shapes_ = [_shape(p) for p in params]
    current = [_flat(p) for p in params]
    for t, grads in enumerate(run["grads"], start=1):
        got = opt.step([wrap(p) for p in params], [wrap(g) for g in grads])
        current = oracle.step(current, [_flat(g) for g in grads])
        _expect_params(got, current, oracle.tolerances(), shapes_,
                       why or f"step {t} with {h} (the judge passes back its own parameters after each step)")
        params = [_unflat(c, s) for c, s in zip(current, shapes_)]


def _unflat(flat: list[float], shape: tuple):
    if len(shape) == 1:
        return list(flat)
    width = len(flat) // shape[0]
    return [flat[k * width:(k + 1) * width] for k in range(shape[0])]


# --- worked example --------------------------------------------------------------------------------------


@category("examples")
def test_statement_example(solution):
    run = {"hyper": {"lr": 0.1, "beta1": 0.9, "beta2": 0.999, "eps": 1e-8, "weight_decay": 0.0, "decoupled": True},
           "params": [[1.0, -2.0]], "grads": [[[0.5, 0.0]], [[0.5, 0.0]], [[-0.25, 1.0]]]}
    _run(solution, run, why="the worked example of the statement")


@category("examples")
def test_defaults(solution):
    opt = solution.Adam()
    got = opt.step([[1.0, 2.0]], [[0.5, -0.25]])
    want = [1.0 - 1e-3 * 0.5 / (0.5 + 1e-8), 2.0 + 1e-3 * 0.25 / (0.25 + 1e-8)]
    _expect_params(got, [want], [[1e-15, 1e-15]], [(2,)],
                   "the defaults are lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8, weight_decay=0")


# --- bias correction ------------------------------------------------------------------------------------------


@category("bias correction")
@given(h=hyper(decay=False), params=st.lists(param_values, min_size=1, max_size=5), data=st.data())
def test_first_step_is_lr_times_sign(solution, h, params, data):
    # With bias correction, step 1 has m_hat = g and v_hat = g^2: the update is lr * g / (|g| + eps).
    grads = [data.draw(grad_values) for _ in params]
    got = _make(solution, h).step([params], [grads])
    want = [p - h["lr"] * g / (abs(g) + h["eps"]) for p, g in zip(params, grads)]
    tol = [REL * (abs(p) + h["lr"]) for p in params]
    _expect_params(got, [want], [tol], [(len(params),)],
                   f"at step 1 the corrected moments are m_hat = g and v_hat = g^2, so p - lr * g / (|g| + eps) "
                   f"(lr = {h['lr']}, eps = {h['eps']})")


@category("bias correction")
@given(run=runs(max_steps=12, decay=False))
def test_many_steps(solution, run):
    _run(solution, run)


# --- weight decay: decoupled (AdamW) or L2 (Adam) ----------------------------------------------------------------


@category("weight decay: decoupled (AdamW) or added to the gradient (L2)")
@given(run=runs(decay=True))
def test_weight_decay(solution, run):
    mode = "decoupled: p * (1 - lr * wd) before the Adam step" if run["hyper"]["decoupled"] else \
        "coupled: g + wd * p enters the moments"
    _run(solution, run, why=f"weight_decay = {run['hyper']['weight_decay']}, {mode}")


@category("weight decay: decoupled (AdamW) or added to the gradient (L2)")
@given(h=hyper(decay=True), params=st.lists(param_values.filter(bool), min_size=1, max_size=4),
       steps=st.integers(1, 5))
def test_zero_gradient_only_decay(solution, h, params, steps):
    # With g = 0: decoupled decay only shrinks p by (1 - lr wd) per step (the Adam term is 0 / eps = 0);
    # coupled decay feeds wd * p to the moments, so the first step moves p by about lr towards 0.
    opt = _make(solution, h)
    oracle = _Oracle(**h)
    current = list(params)
    for t in range(1, steps + 1):
        got = opt.step([current], [[0.0] * len(current)])
        current = oracle.step([current], [[0.0] * len(current)])[0]
        if h["decoupled"]:
            why = f"decoupled decay with a zero gradient: p is only multiplied by 1 - lr * wd (step {t})"
        else:
            why = f"L2 decay with a zero gradient: the gradient becomes wd * p and Adam normalises it (step {t})"
        _expect_params(got, [current], oracle.tolerances(), [(len(params),)], why)


# --- state per parameter position -------------------------------------------------------------------------------------


@category("state per parameter position")
@given(run=runs(max_params=3, max_steps=4))
def test_positions_are_independent(solution, run):
    # One optimiser over all the parameters equals one optimiser per parameter.
    h = run["hyper"]
    together = _make(solution, h)
    alone = [_make(solution, h) for _ in run["params"]]
    params = run["params"]
    for t, grads in enumerate(run["grads"], start=1):
        joint = together.step(params, grads)
        separate = [opt.step([p], [g]) for opt, p, g in zip(alone, params, grads)]
        expect(isinstance(joint, list) and len(joint) == len(params), "step must return one array per parameter",
               actual=joint)
        for i, part in enumerate(separate):
            if not isinstance(part, list) or len(part) != 1:
                fail("step must return one array per parameter", actual=part)
            a, b = _flat(joint[i]), _flat(part[0])
            scale = max([1.0] + [abs(v) for v in a])
            if len(a) != len(b) or any(abs(x - y) > 8 * REL * scale for x, y in zip(a, b)):
                fail(f"step {t}: parameter {i} must be updated from its own moments only; stepped together with "
                     f"the others it differs from stepping it alone", expected=b, actual=a)
        params = [_unflat(_flat(p), _shape(q)) for p, q in zip(joint, params)]


@category("state per parameter position")
@given(run=runs(max_params=2, max_steps=3))
def test_two_optimisers_do_not_share_state(solution, run):
    first, second = _make(solution, run["hyper"]), _make(solution, run["hyper"])
    first.step(run["params"], run["grads"][0])  # must not advance `second`
    _run_with(second, run)


def _run_with(opt, run: dict) -> None:
    oracle = _Oracle(**run["hyper"])
    params = run["params"]
    shapes_ = [_shape(p) for p in params]
    current = [_flat(p) for p in params]
    for grads in run["grads"]:
        got = opt.step(params, grads)
        current = oracle.step(current, [_flat(g) for g in grads])
        _expect_params(got, current, oracle.tolerances(), shapes_,
                       "a second Adam instance starts from its own t = 0 and zero moments")
        params = [_unflat(c, s) for c, s in zip(current, shapes_)]


# --- inputs ----------------------------------------------------------------------------------------------------------------


@category("NumPy arrays and lists")
@given(run=runs())
def test_numpy_arrays(solution, run):
    _run(solution, run, arrays=True)


# --- errors ----------------------------------------------------------------------------------------------------------------


@category("a changed shape or count between steps: ValueError")
@settings(max_examples=SHAPE_EXAMPLES * 2)
@given(run=runs(max_params=3, max_steps=2), which=st.integers(0, 2),
       kind=st.sampled_from(["longer", "shorter", "reshaped", "extra parameter", "missing parameter"]))
def test_shape_changes(solution, run, which, kind):
    opt = _make(solution, run["hyper"])
    params, grads = run["params"], run["grads"][0]
    opt.step(params, grads)
    which %= len(params)
    p, g = params[which], grads[which]
    if kind == "longer":
        p2, g2 = (p + [p[0]], g + [g[0]])
    elif kind == "shorter":
        p2, g2 = (p[:-1], g[:-1]) if len(p) > 1 else (p + [p[0]], g + [g[0]])
    elif kind == "reshaped":
        flat_p, flat_g = _flat(p), _flat(g)
        p2, g2 = ([flat_p], [flat_g]) if len(_shape(p)) == 1 else (flat_p, flat_g)
    if kind in ("longer", "shorter", "reshaped"):
        new_p = params[:which] + [p2] + params[which + 1:]
        new_g = grads[:which] + [g2] + grads[which + 1:]
    elif kind == "extra parameter":
        new_p, new_g = params + [params[which]], grads + [grads[which]]
    else:
        new_p, new_g = (params[:which] + params[which + 1:], grads[:which] + grads[which + 1:]) if len(params) > 1 \
            else (params + params, grads + grads)
    with expect_raises(ValueError):
        opt.step(new_p, new_g)


@category("gradients that do not match the parameters: ValueError")
@settings(max_examples=SHAPE_EXAMPLES * 2)
@given(run=runs(max_params=3, max_steps=1), which=st.integers(0, 2), kind=st.sampled_from(["count", "shape"]),
       later=st.booleans())
def test_grads_mismatch(solution, run, which, kind, later):
    opt = _make(solution, run["hyper"])
    params, grads = run["params"], run["grads"][0]
    if later:
        opt.step(params, grads)
    which %= len(params)
    if kind == "count":
        bad = grads[:which] + grads[which + 1:] if len(grads) > 1 else grads + grads
    else:
        g = grads[which]
        bad = grads[:which] + [g + [g[0]]] + grads[which + 1:]
    with expect_raises(ValueError):
        opt.step(params, bad)


BAD_HYPER = ([("lr", v) for v in (-1e-3, -1.0, math.nan, math.inf)]
             + [(name, v) for name in ("beta1", "beta2") for v in (1.0, 1.5, -0.1, math.nan)]
             + [("eps", v) for v in (-1e-8, math.nan, math.inf)]
             + [("weight_decay", v) for v in (-0.01, math.nan, math.inf)])


@category("invalid hyperparameters: ValueError")
@settings(max_examples=SHAPE_EXAMPLES * 2)
@given(name_value=st.sampled_from(BAD_HYPER))
def test_bad_hyperparameters(solution, name_value):
    name, value = name_value
    with expect_raises(ValueError):
        solution.Adam(**{name: value})


@category("invalid hyperparameters: ValueError")
@given(name_value=st.sampled_from([("lr", 0.0), ("beta1", 0.0), ("beta2", 0.0), ("weight_decay", 0.0),
                                   ("beta1", 0.999999), ("eps", 0.0)]))
def test_boundary_hyperparameters_accepted(solution, name_value):
    name, value = name_value
    opt = solution.Adam(**{name: value})
    got = opt.step([[1.0, -1.0]], [[0.5, -0.25]])
    h = {"lr": 1e-3, "beta1": 0.9, "beta2": 0.999, "eps": 1e-8, "weight_decay": 0.0, "decoupled": True, name: value}
    oracle = _Oracle(**h)
    want = oracle.step([[1.0, -1.0]], [[0.5, -0.25]])
    _expect_params(got, want, oracle.tolerances(), [(2,)], f"{name} = {value} is allowed")


# --- convergence and speed ---------------------------------------------------------------------------------------------


@kept
def _quadratic(seed: int) -> tuple[list, list, list]:
    rng = random.Random(seed)
    a = [rng.choice([0.5, 1.0, 2.0, 4.0]) for _ in range(24)]
    c = [rng.randrange(-24, 25) / 8 for _ in range(24)]
    start = [rng.randrange(-24, 25) / 8 for _ in range(24)]
    return a, c, start


@category("converges on a convex quadratic (closed loop, 1000 steps)")
@given(decoupled=st.booleans(), seed=st.integers(0, 3))
@settings(max_examples=2)
def test_converges(solution, decoupled, seed):
    a, c, start = _quadratic(seed)
    opt = solution.Adam(lr=LOOP_LR, decoupled=decoupled)
    p = [start[:8], [start[8:16], start[16:]]]
    with cpu_budget(solution, 1.5):
        for _ in range(LOOP_STEPS):
            flat = _flat(p)
            grad = [ai * (x - ci) for ai, x, ci in zip(a, flat, c)]
            p = opt.step(p, [grad[:8], [grad[8:16], grad[16:]]])
            if not (isinstance(p, list) and len(p) == 2 and _shape(p[0]) == (8,) and _shape(p[1]) == (2, 8)):
                fail("step must return the two parameters with their shapes (8,) and (2, 8)", actual=p)
    flat = _flat(p)
    worst = max(range(24), key=lambda k: abs(flat[k] - c[k]))
    expect(abs(flat[worst] - c[worst]) <= LOOP_TOL,
           f"after {LOOP_STEPS} steps of lr {LOOP_LR} on sum a_i (p_i - c_i)^2 / 2, element {worst} is still "
           f"{abs(flat[worst] - c[worst]):.3g} from the minimum", expected=c[worst], actual=flat[worst])
