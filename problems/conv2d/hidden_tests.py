"""Hidden properties of `conv2d`, rule by rule as spec.md states them.

The oracle is the definition in pure Python: for every output element, the sum
over channels and kernel offsets of x at the input position
(i*stride + p - pad, j*stride + q - pad), counting a position outside the image
as 0. It never pads, never builds windows and shares no code with a NumPy
solution.

Inputs are small integers (and multiples of 1/4 in one test): every product and
every partial sum is an integer (or a multiple of 1/16) far below 2**53, so a
correct float64 solution is exact whatever the order of its sums; outputs are
compared within 1e-9.

Invariants checked without the oracle: a 1 x 1 kernel mixes channels pixel by
pixel; a kernel with a single 1 at (p, q) copies the image shifted by (p, q)
(cross-correlation: a flipped kernel, the textbook convolution, shifts it the
other way); the output's shape is ((H + 2 ph - KH) // sh + 1, (W + 2 pw - KW) // sw + 1).
"""

from __future__ import annotations

import random

from hypothesis import given, settings, strategies as st

from judge.testing import NdArray, call_and_arguments, category, expect, expect_raises, fail, kept

TOL = 1e-9
SHAPE_EXAMPLES = 10
# The large input: a 5 x 5 kernel over 8 channels of 128 x 128, 4 filters, "same" padding: 1.3e7
# multiply-adds, a few hundredths of a second vectorised, many seconds in a scalar Python loop.
LARGE = {"N": 1, "C": 8, "H": 128, "W": 128, "F": 4, "K": 5}

small_ints = st.integers(-3, 3)


# --- strategies --------------------------------------------------------------------------------


def _tensor(draw: st.DrawFn, shape: tuple, values=small_ints) -> list:
    if len(shape) == 1:
        return [draw(values) for _ in range(shape[0])]
    return [_tensor(draw, shape[1:], values) for _ in range(shape[0])]


def _as_param(draw: st.DrawFn, pair: tuple[int, int]):
    """An int when both sides agree (sometimes), else a tuple or a list."""
    forms = ["tuple", "list"] + (["int"] if pair[0] == pair[1] else [])
    form = draw(st.sampled_from(forms))
    return pair[0] if form == "int" else tuple(pair) if form == "tuple" else list(pair)


@st.composite
def convolutions(draw: st.DrawFn, max_side: int = 7, max_kernel: int = 4, max_stride: int = 3, max_pad: int = 2,
                 values=small_ints, bias: bool | None = None) -> dict:
    """x, w, b, stride and padding with an output of at least 1 x 1."""
    n, c, f = draw(st.integers(1, 2)), draw(st.integers(1, 3)), draw(st.integers(1, 3))
    h, wd = draw(st.integers(1, max_side)), draw(st.integers(1, max_side))
    ph, pw = draw(st.integers(0, max_pad)), draw(st.integers(0, max_pad))
    kh = draw(st.integers(1, min(max_kernel, h + 2 * ph)))
    kw = draw(st.integers(1, min(max_kernel, wd + 2 * pw)))
    sh, sw = draw(st.integers(1, max_stride)), draw(st.integers(1, max_stride))
    with_bias = draw(st.booleans()) if bias is None else bias
    return {"x": _tensor(draw, (n, c, h, wd), values), "w": _tensor(draw, (f, c, kh, kw), values),
            "b": _tensor(draw, (f,), values) if with_bias else None,
            "stride": _as_param(draw, (sh, sw)), "padding": _as_param(draw, (ph, pw))}


def _pair(value) -> tuple[int, int]:
    return (value, value) if isinstance(value, int) else tuple(value)


# --- the oracle ----------------------------------------------------------------------------------


def _oracle(p: dict) -> list:
    x, w, b = p["x"], p["w"], p["b"]
    (sh, sw), (ph, pw) = _pair(p["stride"]), _pair(p["padding"])
    h, wd = len(x[0][0]), len(x[0][0][0])
    kh, kw = len(w[0][0]), len(w[0][0][0])
    oh, ow = (h + 2 * ph - kh) // sh + 1, (wd + 2 * pw - kw) // sw + 1
    out = []
    for image in x:
        maps = []
        for fi, kernel in enumerate(w):
            rows = []
            for i in range(oh):
                row = []
                for j in range(ow):
                    total = b[fi] if b is not None else 0
                    for channel, k in zip(image, kernel):
                        for a in range(kh):
                            r = i * sh + a - ph
                            if 0 <= r < h:
                                for q in range(kw):
                                    col = j * sw + q - pw
                                    if 0 <= col < wd:
                                        total += channel[r][col] * k[a][q]
                    row.append(total)
                rows.append(row)
            maps.append(rows)
        out.append(maps)
    return out


# --- talking to the solution ---------------------------------------------------------------------


def _call(solution, p: dict, arrays: bool = False):
    wrap = NdArray if arrays else (lambda v: v)
    kwargs = {"stride": p["stride"], "padding": p["padding"]}
    b = p["b"]
    return solution.conv2d(wrap(p["x"]), wrap(p["w"]), None if b is None else wrap(b), **kwargs)


def _shape_of(value) -> tuple:
    shape = []
    while isinstance(value, list):
        shape.append(len(value))
        if not value:
            break
        value = value[0]
    return tuple(shape)


def _compare(got, want: list, why: str) -> None:
    shape = _shape_of(want)
    expect(_shape_of(got) == shape and _rectangular(got, shape),
           f"the output must have shape (N, F, OH, OW) = {shape}", expected=f"shape {shape}",
           actual=f"shape {_shape_of(got)}" if isinstance(got, list) else got)
    for n, (g_maps, w_maps) in enumerate(zip(got, want)):
        for f, (g_rows, w_rows) in enumerate(zip(g_maps, w_maps)):
            for i, (g, e) in enumerate(zip(g_rows, w_rows)):
                numbers = all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in g)
                if not numbers or any(abs(a - v) > TOL for a, v in zip(g, e)):
                    fail(f"output[{n}][{f}][{i}] (image {n}, filter {f}, output row {i}) is wrong: {why}",
                         expected=e, actual=g)


def _rectangular(value, shape: tuple) -> bool:
    if len(shape) == 1:
        return isinstance(value, list) and len(value) == shape[0]
    return isinstance(value, list) and len(value) == shape[0] and all(_rectangular(v, shape[1:]) for v in value)


def _describe(p: dict) -> str:
    n, c = len(p["x"]), len(p["x"][0])
    h, wd = len(p["x"][0][0]), len(p["x"][0][0][0])
    f, kh, kw = len(p["w"]), len(p["w"][0][0]), len(p["w"][0][0][0])
    return (f"x {n}x{c}x{h}x{wd}, w {f}x{c}x{kh}x{kw}, stride {p['stride']!r}, padding {p['padding']!r}, "
            f"{'with' if p['b'] is not None else 'no'} bias")


def _check(solution, p: dict, why: str = "", arrays: bool = False) -> list:
    got = _call(solution, p, arrays)
    _compare(got, _oracle(p), why or _describe(p))
    return got


# --- worked example ------------------------------------------------------------------------------


EXAMPLE_X = [[[[float(4 * r + c) for c in range(4)] for r in range(4)]]]
EXAMPLE_W = [[[[1.0, 0.0], [0.0, -1.0]]]]


@category("examples")
def test_statement_examples(solution):
    base = {"x": EXAMPLE_X, "w": EXAMPLE_W, "b": None, "stride": 1, "padding": 0}
    _check(solution, base, "x[i][j] - x[i+1][j+1] is -5 everywhere")
    _check(solution, {**base, "b": [0.5], "stride": 2, "padding": 1}, "stride 2, padding 1, bias 0.5")
    _check(solution, {**base, "stride": (1, 3)}, "stride (1, 3): every row, one column in three")


# --- the definition ---------------------------------------------------------------------------------


@category("matches the definition")
@given(p=convolutions(max_stride=1, max_pad=0))
def test_plain_cross_correlation(solution, p):
    _check(solution, p)


@category("stride and padding")
@given(p=convolutions())
def test_stride_and_padding(solution, p):
    _check(solution, p)


@category("stride and padding")
@given(p=convolutions(max_side=9, max_stride=4))
def test_output_shape_floors(solution, p):
    # The last window that fits decides the size: leftover rows and columns are dropped.
    (sh, sw), (ph, pw) = _pair(p["stride"]), _pair(p["padding"])
    h, wd = len(p["x"][0][0]), len(p["x"][0][0][0])
    kh, kw = len(p["w"][0][0]), len(p["w"][0][0][0])
    got = _call(solution, p)
    want = (len(p["x"]), len(p["w"]), (h + 2 * ph - kh) // sh + 1, (wd + 2 * pw - kw) // sw + 1)
    expect(_shape_of(got) == want, f"{_describe(p)}: OH = (H + 2*ph - KH) // sh + 1 and "
                                   f"OW = (W + 2*pw - KW) // sw + 1 give {want}", expected=want, actual=_shape_of(got))


@category("stride and padding")
@given(p=convolutions(max_side=6), sides=st.sampled_from([((1, 3), (0, 2)), ((3, 1), (2, 0)), ((2, 1), (1, 0))]))
def test_pairs_are_height_then_width(solution, p, sides):
    stride, padding = sides
    h, wd = len(p["x"][0][0]), len(p["x"][0][0][0])
    w = p["w"]
    kh, kw = len(w[0][0]), len(w[0][0][0])
    if kh > h + 2 * padding[0] or kw > wd + 2 * padding[1]:
        w = [[[list(row[:1]) for row in ch[:1]] for ch in filt] for filt in w]
    _check(solution, {**p, "w": w, "stride": stride, "padding": padding},
           f"stride {stride} and padding {padding} are (height, width) pairs")


@category("bias")
@given(p=convolutions(bias=True))
def test_bias_per_filter(solution, p):
    _check(solution, p, f"{_describe(p)}: b[f] is added to every element of output channel f")


@category("matches the definition")
@given(p=convolutions(values=st.integers(-8, 8).map(lambda k: k / 4)))
def test_fractional_values(solution, p):
    _check(solution, p)


# --- invariants -----------------------------------------------------------------------------------------


@category("cross-correlation, not convolution (kernel not flipped)")
@given(h=st.integers(2, 6), wd=st.integers(2, 6), k=st.integers(2, 3), spot=st.integers(0, 8), data=st.data())
def test_one_hot_kernel_shifts(solution, h, wd, k, spot, data):
    # A kernel with a single 1 at (p, q) gives out[i][j] = x[i + p][j + q] (no flip).
    k = min(k, h, wd)
    p_, q_ = (spot // k) % k, spot % k
    x = [[[[data.draw(small_ints) for _ in range(wd)] for _ in range(h)]]]
    w = [[[[1.0 if (a, c) == (p_, q_) else 0.0 for c in range(k)] for a in range(k)]]]
    want = [[[[x[0][0][i + p_][j + q_] for j in range(wd - k + 1)] for i in range(h - k + 1)]]]
    got = solution.conv2d(x, w)
    _compare(got, want, f"a {k}x{k} kernel whose only 1 is at ({p_}, {q_}) must give out[i][j] = x[i+{p_}][j+{q_}] "
                        "(cross-correlation: the kernel is not flipped)")


@category("matches the definition")
@given(p=convolutions(max_kernel=1, max_pad=0, max_stride=1, bias=False))
def test_one_by_one_kernel_mixes_channels(solution, p):
    got = _call(solution, p)
    x, w = p["x"], p["w"]
    want = [[[[sum(w[f][c][0][0] * x[n][c][i][j] for c in range(len(x[0]))) for j in range(len(x[0][0][0]))]
              for i in range(len(x[0][0]))] for f in range(len(w))] for n in range(len(x))]
    _compare(got, want, "a 1 x 1 kernel: out[n][f][i][j] = sum over c of w[f][c][0][0] * x[n][c][i][j]")


@category("one image, one channel, one pixel")
@given(v=small_ints, k=small_ints, pad=st.integers(0, 2), stride=st.integers(1, 3))
def test_single_pixel(solution, v, k, pad, stride):
    p = {"x": [[[[v]]]], "w": [[[[k]]]], "b": None, "stride": stride, "padding": pad}
    _check(solution, p, f"a 1x1 image with padding {pad} and stride {stride}")


# --- input forms and arguments ---------------------------------------------------------------------------


@category("NumPy arrays and lists")
@given(p=convolutions())
def test_numpy_arrays(solution, p):
    _check(solution, p, arrays=True)


@category("the arguments are not modified")
@settings(max_examples=SHAPE_EXAMPLES)
@given(p=convolutions(bias=True), arrays=st.booleans())
def test_arguments_not_modified(solution, p, arrays):
    wrap = NdArray if arrays else (lambda v: v)
    after = call_and_arguments(solution, "conv2d", wrap(p["x"]), wrap(p["w"]), wrap(p["b"]),
                               stride=p["stride"], padding=p["padding"])
    _compare(after.value, _oracle(p), _describe(p))
    for name, left, given_ in zip(("x", "w", "b"), after.args, (p["x"], p["w"], p["b"])):
        if left != given_:
            fail(f"conv2d must not modify its argument {name}", expected=given_, actual=left)


# --- errors ------------------------------------------------------------------------------------------------


@category("channel mismatch: ValueError")
@settings(max_examples=SHAPE_EXAMPLES * 2)
@given(p=convolutions(), extra=st.sampled_from([-1, 1, 2]), arrays=st.booleans())
def test_channel_mismatch(solution, p, extra, arrays):
    w = p["w"]
    c = len(w[0])
    if c + extra < 1:
        extra = 1
    changed = [(filt + [filt[0]] * extra) if extra > 0 else filt[:extra] for filt in w]
    with expect_raises(ValueError):
        _call(solution, {**p, "w": changed}, arrays)


@category("no output (kernel larger than the padded input): ValueError")
@settings(max_examples=SHAPE_EXAMPLES * 2)
@given(h=st.integers(1, 4), wd=st.integers(1, 4), pad=st.integers(0, 1), side=st.sampled_from(["height", "width", "both"]),
       arrays=st.booleans())
def test_kernel_larger_than_input(solution, h, wd, pad, side, arrays):
    kh = h + 2 * pad + 1 if side in ("height", "both") else 1
    kw = wd + 2 * pad + 1 if side in ("width", "both") else 1
    p = {"x": [[[[1] * wd for _ in range(h)]]], "w": [[[[1] * kw for _ in range(kh)]]], "b": None,
         "stride": 1, "padding": pad}
    with expect_raises(ValueError):
        _call(solution, p, arrays)


@category("malformed x, w or b: ValueError")
@settings(max_examples=SHAPE_EXAMPLES * 2)
@given(p=convolutions(), kind=st.sampled_from(
    ["x 3-D", "x 5-D", "w 3-D", "w 5-D", "no images", "no channels", "no rows", "no filters", "empty kernel",
     "b too long", "b too short", "b 2-D"]), arrays=st.booleans())
def test_bad_shapes(solution, p, kind, arrays):
    x, w, b = p["x"], p["w"], p["b"]
    f = len(w)
    bias = [0] * f
    changed = {
        "x 3-D": {"x": x[0]}, "x 5-D": {"x": [x]}, "w 3-D": {"w": w[0]}, "w 5-D": {"w": [w]},
        "no images": {"x": []}, "no channels": {"x": [[] for _ in x], "w": [[] for _ in w]},
        "no rows": {"x": [[[] for _ in img] for img in x]}, "no filters": {"w": [], "b": None},
        "empty kernel": {"w": [[[] for _ in filt] for filt in w]},
        "b too long": {"b": bias + [0]}, "b too short": {"b": bias[:-1]}, "b 2-D": {"b": [bias]},
    }[kind]
    q = {**p, "b": b, **changed}
    ragged_free = kind not in ("no channels", "no rows", "empty kernel", "no images", "no filters")
    with expect_raises(ValueError):
        _call(solution, q, arrays and ragged_free)


BAD_VALUES = ([("stride", v) for v in (0, -1, (1, 0), (0, 2), [2, -1], (1, 1, 1), (2,), [])]
              + [("padding", v) for v in (-1, -2, (0, -1), (-1, 0), [1, -2], (1, 1, 1), (1,), [])])


@category("bad stride or padding: ValueError or TypeError")
@settings(max_examples=SHAPE_EXAMPLES * 2)
@given(p=convolutions(), which_bad=st.sampled_from(BAD_VALUES))
def test_bad_stride_or_padding_value(solution, p, which_bad):
    which, bad = which_bad
    with expect_raises(ValueError):
        _call(solution, {**p, which: bad})


@category("bad stride or padding: ValueError or TypeError")
@settings(max_examples=SHAPE_EXAMPLES * 2)
@given(p=convolutions(), which=st.sampled_from(["stride", "padding"]),
       bad=st.sampled_from([1.0, 2.5, "1", None, True, (1, 1.0), (True, 1), ("1", 1)]))
def test_bad_stride_or_padding_type(solution, p, which, bad):
    with expect_raises(TypeError):
        _call(solution, {**p, which: bad})


# --- large input: time -----------------------------------------------------------------------------------------


@kept
def _large(reference) -> tuple[dict, list]:
    rng = random.Random(88)
    s = LARGE
    x = [[[[rng.randrange(-3, 4) for _ in range(s["W"])] for _ in range(s["H"])] for _ in range(s["C"])]
         for _ in range(s["N"])]
    w = [[[[rng.randrange(-3, 4) for _ in range(s["K"])] for _ in range(s["K"])] for _ in range(s["C"])]
         for _ in range(s["F"])]
    b = [rng.randrange(-3, 4) for _ in range(s["F"])]
    p = {"x": x, "w": w, "b": b, "stride": 1, "padding": s["K"] // 2}
    return p, reference.conv2d(x, w, b, stride=1, padding=s["K"] // 2).tolist()


@category("large input: 8 channels of 128 x 128, 4 filters of 5 x 5")
def test_large(solution, reference):
    p, want = _large(reference)
    _compare(_call(solution, p, arrays=True), want, "8 x 128 x 128 input, 4 filters 5 x 5, padding 2")
