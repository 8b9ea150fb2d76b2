"""Hidden properties of `multi_head_attention`, rule by rule as spec.md states them.

The oracle is the definition written out in pure Python: one query, one head
and one key at a time, math.exp after subtracting the largest allowed score,
sums with math.fsum. It shares no code with a NumPy solution (no reshape, no
transpose, no broadcasting).

Inputs are dyadic (x in steps of 1/2, weights in steps of 1/4), so the
projections and the raw dot products are exact in float64; the only rounding
is the division by sqrt(d_h), the exponentials and the sums. A correct float64
formula lands within a few ulps of the score scale; the tolerance is
TOL * (1 + the largest |score|) * (1 + the output's scale), far below what any
wrong rule moves (a wrong scale, head layout, mask or convention changes the
outputs by a sizeable fraction of their scale on almost every input).

Invariants checked without the oracle: a constant score (w_k = 0) gives the
plain mean of the allowed value rows; with causal=True an output row does not
depend on later tokens; a padded key's token does not change the rows of other
queries; permuting the sequence (no mask, not causal) permutes the output rows.
"""

from __future__ import annotations

import math
import random

from hypothesis import given, settings, strategies as st

from judge.testing import NdArray, call_and_arguments, category, expect, expect_raises, fail, kept

TOL = 1e-9
SHAPE_EXAMPLES = 10
WEIGHT_NAMES = ("w_q", "w_k", "w_v", "w_o")
# Large input: 2 x 1024 x 1024 scores per head pair; a scalar Python loop needs ~1.3e8 multiply-adds.
LARGE_L, LARGE_D, LARGE_H = 1024, 64, 2

half_steps = st.integers(-4, 4).map(lambda k: k / 2)


# --- strategies --------------------------------------------------------------------------------


@st.composite
def problems_(draw: st.DrawFn, max_batch: int = 2, max_length: int = 5, max_heads: int = 3,
              max_head_dim: int = 2, causal: bool | None = False, mask: bool = False) -> dict:
    """x (B, L, D), four (D, D) weights, n_heads, causal and maybe a padding mask."""
    heads = draw(st.integers(1, max_heads))
    dim = heads * draw(st.integers(1, max_head_dim))
    batch = draw(st.integers(1, max_batch))
    length = draw(st.integers(1, max_length))
    # The values come from one drawn seed: Hypothesis then shrinks the shapes and the seed (a handful of
    # choices) instead of hundreds of single numbers, so a failing case reaches its smallest shape fast.
    rng = random.Random(draw(st.integers(0, 2**32 - 1)))
    x = [[[rng.randint(-4, 4) / 2 for _ in range(dim)] for _ in range(length)] for _ in range(batch)]
    weights = {name: [[rng.randint(-4, 4) / 4 for _ in range(dim)] for _ in range(dim)] for name in WEIGHT_NAMES}
    padding = None
    if mask:
        padding = [[draw(st.booleans()) for _ in range(length)] for _ in range(batch)]
    return {"x": x, **weights, "n_heads": heads,
            "causal": draw(st.booleans()) if causal is None else causal, "key_padding_mask": padding}


# --- the oracle ----------------------------------------------------------------------------------


def _matmul(rows: list, matrix: list) -> list:
    return [[math.fsum(r[k] * matrix[k][c] for k in range(len(matrix))) for c in range(len(matrix[0]))]
            for r in rows]


def _oracle(p: dict) -> tuple[list, float]:
    """The outputs by the definition, and the tolerance that fits their scale."""
    heads, dim = p["n_heads"], len(p["w_q"])
    head_dim = dim // heads
    out, largest_score, value_scale = [], 0.0, 0.0
    o_scale = max(math.fsum(abs(v) for v in row) for row in p["w_o"])
    for b, tokens in enumerate(p["x"]):
        q, k, v = (_matmul(tokens, p[name]) for name in ("w_q", "w_k", "w_v"))
        value_scale = max([value_scale] + [abs(a) for row in v for a in row])
        concat = [[0.0] * dim for _ in tokens]
        for i in range(len(tokens)):
            keys = [j for j in range(len(tokens))
                    if not (p["causal"] and j > i)
                    and not (p["key_padding_mask"] is not None and p["key_padding_mask"][b][j])]
            for h in range(heads):
                cols = range(h * head_dim, (h + 1) * head_dim)
                scores = {j: math.fsum(q[i][c] * k[j][c] for c in cols) / math.sqrt(head_dim) for j in keys}
                if not scores:
                    continue  # no key to attend to: this head's output stays 0
                top = max(scores.values())
                largest_score = max(largest_score, max(abs(s) for s in scores.values()))
                e = {j: math.exp(s - top) for j, s in scores.items()}
                total = math.fsum(e.values())
                for c in cols:
                    concat[i][c] = math.fsum(e[j] * v[j][c] for j in keys) / total
        out.append(_matmul(concat, p["w_o"]))
    return out, TOL * (1 + largest_score) * (1 + value_scale * o_scale * dim)


# --- talking to the solution -------------------------------------------------------------------------


def _args(p: dict, arrays: bool = False) -> tuple[tuple, dict]:
    wrap = NdArray if arrays else (lambda v: v)
    args = (wrap(p["x"]),) + tuple(wrap(p[name]) for name in WEIGHT_NAMES) + (p["n_heads"],)
    kwargs = {"causal": p["causal"]}
    if p["key_padding_mask"] is not None:
        kwargs["key_padding_mask"] = p["key_padding_mask"]
    return args, kwargs


def _call(solution, p: dict, arrays: bool = False):
    args, kwargs = _args(p, arrays)
    return solution.multi_head_attention(*args, **kwargs)


def _shape(p: dict) -> tuple[int, int, int]:
    return len(p["x"]), len(p["x"][0]), len(p["x"][0][0])


def _expect_shape(got, shape: tuple[int, int, int]) -> None:
    batch, length, dim = shape
    ok = (isinstance(got, list) and len(got) == batch
          and all(isinstance(r, list) and len(r) == length for r in got)
          and all(isinstance(c, list) and len(c) == dim for r in got for c in r))
    expect(ok, f"the result must be a (B, L, D) = ({batch}, {length}, {dim}) array or nested list", actual=got)
    for b, rows in enumerate(got):
        for i, row in enumerate(rows):
            for c, value in enumerate(row):
                if not (isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)):
                    fail(f"output[{b}][{i}][{c}] must be a finite float", actual=value)


def _compare(got, want: list, tol: float, why: str) -> None:
    _expect_shape(got, (len(want), len(want[0]), len(want[0][0])))
    for b, (g_rows, w_rows) in enumerate(zip(got, want)):
        for i, (g, w) in enumerate(zip(g_rows, w_rows)):
            if any(abs(a - e) > tol for a, e in zip(g, w)):
                fail(f"output row {i} of batch element {b} is wrong: {why}", expected=w, actual=g)


def _check(solution, p: dict, why: str, arrays: bool = False) -> list:
    want, tol = _oracle(p)
    got = _call(solution, p, arrays)
    _compare(got, want, tol, why)
    return got


# --- worked example ------------------------------------------------------------------------------------


EXAMPLE = {
    "x": [[[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]]],
    "w_q": [[1.0, 0.0], [0.0, 1.0]], "w_k": [[1.0, 0.0], [0.0, 1.0]],
    "w_v": [[1.0, 0.0], [0.0, 1.0]], "w_o": [[1.0, 0.0], [0.0, 1.0]],
    "n_heads": 1, "causal": False, "key_padding_mask": None,
}


@category("examples")
def test_statement_example(solution):
    _check(solution, EXAMPLE, "the worked example of the statement (one head, identity weights)")
    _check(solution, {**EXAMPLE, "causal": True}, "the worked example with causal=True")
    _check(solution, {**EXAMPLE, "n_heads": 2}, "the worked example with two heads of dimension 1")
    _check(solution, {**EXAMPLE, "key_padding_mask": [[False, True, True]]},
           "the worked example with keys 1 and 2 padded: every query sees only token 0")


# --- the definition -----------------------------------------------------------------------------------------


@category("matches the definition (heads, scale, projections)")
@given(p=problems_())
def test_matches_definition(solution, p):
    _check(solution, p, f"{p['n_heads']} heads of dimension {len(p['w_q']) // p['n_heads']}, "
                        "scores Q_h K_h^T / sqrt(d_h), softmax over keys, heads concatenated in order, then @ w_o")


@category("matches the definition (heads, scale, projections)")
@given(p=problems_(max_heads=4, max_head_dim=3, max_length=3, max_batch=1))
def test_more_heads(solution, p):
    _check(solution, p, f"head h uses columns h*d_h .. (h+1)*d_h - 1 of Q, K and V (n_heads = {p['n_heads']})")


@category("a constant score gives the mean of the values")
@given(p=problems_(causal=None, mask=True))
def test_zero_key_weights_average_values(solution, p):
    # With w_k = 0 every score is 0: each query's weights are uniform over its allowed keys.
    p = {**p, "w_k": [[0.0] * len(p["w_k"]) for _ in p["w_k"]]}
    got = _call(solution, p)
    _expect_shape(got, _shape(p))
    o_scale = max(sum(abs(v) for v in row) for row in p["w_o"])
    for b, tokens in enumerate(p["x"]):
        v = _matmul(tokens, p["w_v"])
        tol = TOL * (1 + max(abs(a) for row in v for a in row) * o_scale * len(v[0]))
        for i in range(len(tokens)):
            keys = [j for j in range(len(tokens)) if not (p["causal"] and j > i) and not p["key_padding_mask"][b][j]]
            mean = [math.fsum(v[j][c] for j in keys) / len(keys) if keys else 0.0 for c in range(len(v[0]))]
            want = _matmul([mean], p["w_o"])[0]
            if any(abs(a - e) > tol for a, e in zip(got[b][i], want)):
                fail(f"with w_k = 0 every score is 0, so query {i} of batch element {b} must average the value rows "
                     f"of keys {keys} (then @ w_o)", expected=want, actual=got[b][i])


# --- causal ------------------------------------------------------------------------------------------------------


@category("causal: query i sees keys 0..i")
@given(p=problems_(causal=True))
def test_causal_matches_definition(solution, p):
    _check(solution, p, "with causal=True query i attends to keys j <= i only (itself included)")


@category("causal: query i sees keys 0..i")
@given(p=problems_(causal=True, max_length=5), cut=st.integers(0, 4), data=st.data())
def test_causal_ignores_future_tokens(solution, p, cut, data):
    length = len(p["x"][0])
    cut = cut % length
    changed = [[row if i <= cut else [data.draw(half_steps) for _ in row] for i, row in enumerate(rows)]
               for rows in p["x"]]
    before, after = _call(solution, p), _call(solution, {**p, "x": changed})
    _expect_shape(before, _shape(p))
    _expect_shape(after, _shape(p))
    _, tol = _oracle(p)
    for b in range(len(p["x"])):
        for i in range(cut + 1):
            if any(abs(a - e) > 2 * tol for a, e in zip(before[b][i], after[b][i])):
                fail(f"with causal=True, output row {i} must not depend on tokens after {cut}: changing them changed "
                     f"row {i} of batch element {b}", expected=before[b][i], actual=after[b][i])


# --- key padding mask ---------------------------------------------------------------------------------------------


@category("key_padding_mask: True keys are ignored")
@given(p=problems_(causal=None, mask=True))
def test_padding_matches_definition(solution, p):
    _check(solution, p, "a key whose key_padding_mask entry is True is ignored by every query of its batch element")


@category("key_padding_mask: True keys are ignored")
@given(p=problems_(mask=True, max_length=5), data=st.data())
def test_padded_tokens_do_not_reach_other_queries(solution, p, data):
    mask = p["key_padding_mask"]
    changed = [[[data.draw(half_steps) for _ in row] if mask[b][i] else row for i, row in enumerate(rows)]
               for b, rows in enumerate(p["x"])]
    before, after = _call(solution, p), _call(solution, {**p, "x": changed})
    _expect_shape(before, _shape(p))
    _expect_shape(after, _shape(p))
    _, tol = _oracle(p)
    for b in range(len(p["x"])):
        for i in range(len(p["x"][0])):
            if not mask[b][i] and any(abs(a - e) > 2 * tol for a, e in zip(before[b][i], after[b][i])):
                fail(f"padded keys {[j for j, m in enumerate(mask[b]) if m]} must not change the output of query {i} "
                     f"(batch element {b}); changing their tokens did", expected=before[b][i], actual=after[b][i])


# --- no key to attend to: a zero row -------------------------------------------------------------------------------


@category("a query with no key gets a zero row")
@given(p=problems_(max_batch=3, mask=True, causal=None), which=st.integers(0, 2))
def test_fully_padded_batch_element(solution, p, which):
    # One batch element (first, middle, last or only) has every key padded: all its rows are 0.
    batch = len(p["x"])
    which %= batch
    mask = [[True] * len(row) if b == which else row for b, row in enumerate(p["key_padding_mask"])]
    got = _check(solution, {**p, "key_padding_mask": mask},
                 f"every key of batch element {which} is padded: its queries attend to nothing and their rows are 0")
    for i, row in enumerate(got[which]):
        expect(all(v == 0 for v in row), f"query {i} of batch element {which} has no key: its row must be 0, not NaN",
               actual=row)


@category("a query with no key gets a zero row")
@given(p=problems_(causal=True, mask=True), lead=st.integers(1, 5))
def test_causal_with_leading_padding(solution, p, lead):
    # Keys 0..lead-1 padded and causal: queries 0..lead-1 have no key at all, later ones do.
    length = len(p["x"][0])
    lead = min(lead, length)
    mask = [[j < lead or m for j, m in enumerate(row)] for row in p["key_padding_mask"]]
    got = _check(solution, {**p, "key_padding_mask": mask},
                 f"causal with keys 0..{lead - 1} padded: queries 0..{lead - 1} see no key (zero rows)")
    for b in range(len(got)):
        for i in range(lead):
            expect(all(v == 0 for v in got[b][i]), f"query {i} of batch element {b} sees no key: its row must be 0",
                   actual=got[b][i])


# --- stability ------------------------------------------------------------------------------------------------------


@category("stable for large scores")
@given(p=problems_(causal=None, mask=True), scale=st.sampled_from([64.0, 1024.0, 2.0**14]))
def test_large_scores(solution, p, scale):
    # Scores grow with scale**2 (up to about 1e9): exp of an unshifted score overflows to inf.
    big = {**p, "x": [[[v * scale for v in row] for row in rows] for rows in p["x"]]}
    _check(solution, big, f"tokens scaled by {scale:g} give scores near {scale * scale:g}: "
                          "subtract each query's largest score before exponentiating")


# --- invariants ------------------------------------------------------------------------------------------------------


@category("permuting the tokens permutes the rows")
@given(p=problems_(max_batch=1), seed=st.integers(0, 1000))
def test_permutation_equivariance(solution, p, seed):
    order = list(range(len(p["x"][0])))
    random.Random(seed).shuffle(order)
    shuffled = {**p, "x": [[rows[j] for j in order] for rows in p["x"]]}
    plain, permuted = _call(solution, p), _call(solution, shuffled)
    _expect_shape(plain, _shape(p))
    _expect_shape(permuted, _shape(p))
    _, tol = _oracle(p)
    for i, j in enumerate(order):
        if any(abs(a - e) > 2 * tol for a, e in zip(permuted[0][i], plain[0][j])):
            fail(f"without causal or mask, attention is permutation-equivariant: token {j} moved to position {i} "
                 f"must keep its output row", expected=plain[0][j], actual=permuted[0][i])


# --- input forms and arguments --------------------------------------------------------------------------------------


@category("NumPy arrays and lists")
@given(p=problems_(causal=None, mask=True))
def test_numpy_arrays(solution, p):
    _check(solution, p, "the same inputs given as NumPy float arrays", arrays=True)


@category("the arguments are not modified")
@settings(max_examples=SHAPE_EXAMPLES)
@given(p=problems_(causal=None, mask=True), arrays=st.booleans())
def test_arguments_not_modified(solution, p, arrays):
    args, kwargs = _args(p, arrays)
    after = call_and_arguments(solution, "multi_head_attention", *args, **kwargs)
    want, tol = _oracle(p)
    _compare(after.value, want, tol, "the definition")
    for name, left, given_ in zip(("x",) + WEIGHT_NAMES, after.args, [p["x"]] + [p[n] for n in WEIGHT_NAMES]):
        if left != given_:
            fail(f"multi_head_attention must not modify its argument {name}", expected=given_, actual=left)
    if kwargs.get("key_padding_mask") is not None and after.kwargs.get("key_padding_mask") != p["key_padding_mask"]:
        fail("multi_head_attention must not modify key_padding_mask", expected=p["key_padding_mask"],
             actual=after.kwargs.get("key_padding_mask"))


# --- errors ---------------------------------------------------------------------------------------------------------------


@category("n_heads not an int: TypeError")
@settings(max_examples=SHAPE_EXAMPLES)
@given(p=problems_(), bad=st.sampled_from([2.0, 1.0, "2", None, True, [2]]))
def test_n_heads_type(solution, p, bad):
    args, kwargs = _args(p)
    with expect_raises(TypeError):
        solution.multi_head_attention(*args[:5], bad, **kwargs)


@category("bad n_heads or D % n_heads != 0: ValueError")
@settings(max_examples=SHAPE_EXAMPLES * 2)
@given(p=problems_(), bad=st.sampled_from([0, -1, -2]))
def test_n_heads_not_positive(solution, p, bad):
    args, kwargs = _args(p)
    with expect_raises(ValueError):
        solution.multi_head_attention(*args[:5], bad, **kwargs)


@category("bad n_heads or D % n_heads != 0: ValueError")
@settings(max_examples=SHAPE_EXAMPLES * 2)
@given(dim=st.integers(2, 9), heads=st.integers(2, 12), length=st.integers(1, 4), arrays=st.booleans())
def test_dimension_not_divisible(solution, dim, heads, length, arrays):
    if dim % heads == 0:
        heads = dim + 1
    x = [[[0.5 * ((i + c) % 3) for c in range(dim)] for i in range(length)]]
    eye = [[float(r == c) for c in range(dim)] for r in range(dim)]
    wrap = NdArray if arrays else (lambda v: v)
    with expect_raises(ValueError):
        solution.multi_head_attention(wrap(x), wrap(eye), wrap(eye), wrap(eye), wrap(eye), heads)


@category("malformed x, weights or mask: ValueError")
@settings(max_examples=SHAPE_EXAMPLES * 2)
@given(p=problems_(), kind=st.sampled_from(["2-D", "4-D", "no batch", "no tokens", "no features", "ragged"]),
       arrays=st.booleans())
def test_bad_x(solution, p, kind, arrays):
    x = p["x"]
    bad = {"2-D": x[0], "4-D": [x], "no batch": [], "no tokens": [[] for _ in x],
           "no features": [[[] for _ in rows] for rows in x], "ragged": [rows + [rows[0][:-1]] for rows in x]}[kind]
    if arrays and kind != "ragged":
        bad = NdArray(bad)
    args, kwargs = _args(p)
    with expect_raises(ValueError):
        solution.multi_head_attention(bad, *args[1:], **kwargs)


@category("malformed x, weights or mask: ValueError")
@settings(max_examples=SHAPE_EXAMPLES * 2)
@given(p=problems_(), which=st.integers(0, 3), kind=st.sampled_from(["extra row", "extra column", "missing row", "1-D"]),
       arrays=st.booleans())
def test_bad_weight_shape(solution, p, which, kind, arrays):
    w = p[WEIGHT_NAMES[which]]
    bad = {"extra row": w + [w[0]], "extra column": [row + [0.0] for row in w],
           "missing row": w[:-1] or [[0.0] * (len(w) + 1)], "1-D": w[0]}[kind]
    args, kwargs = _args(p)
    args = list(args)
    args[1 + which] = NdArray(bad) if arrays else bad
    with expect_raises(ValueError):
        solution.multi_head_attention(*args, **kwargs)


@category("malformed x, weights or mask: ValueError")
@settings(max_examples=SHAPE_EXAMPLES * 2)
@given(p=problems_(mask=True), kind=st.sampled_from(["short", "long", "flat", "extra batch", "missing batch"]))
def test_bad_mask_shape(solution, p, kind):
    mask = p["key_padding_mask"]
    bad = {"short": [row[:-1] or [False, False] for row in mask], "long": [row + [False] for row in mask],
           "flat": [m for row in mask for m in row] + [False] * (len(mask) == 1),
           "extra batch": mask + [mask[0]], "missing batch": mask[:-1] or [mask[0], mask[0]]}[kind]
    args, kwargs = _args(p)
    with expect_raises(ValueError):
        solution.multi_head_attention(*args, key_padding_mask=bad)


@category("NaN or infinity in x or a weight: ValueError")
@settings(max_examples=SHAPE_EXAMPLES * 2)
@given(p=problems_(), which=st.integers(0, 4), where=st.integers(0, 10_000),
       bad=st.sampled_from([math.nan, math.inf, -math.inf]), arrays=st.booleans())
def test_non_finite(solution, p, which, where, bad, arrays):
    # which: 0 is x, 1..4 the weights; `where` picks any position, first and last included.
    name = ("x",) + WEIGHT_NAMES
    flat_target = p[name[which]]
    cells = ([(b, i, c) for b in range(len(flat_target)) for i in range(len(flat_target[0]))
              for c in range(len(flat_target[0][0]))] if which == 0
             else [(r, c) for r in range(len(flat_target)) for c in range(len(flat_target))])
    spot = cells[where % len(cells)]
    copy = [[list(r) for r in rows] for rows in flat_target] if which == 0 else [list(r) for r in flat_target]
    if which == 0:
        copy[spot[0]][spot[1]][spot[2]] = bad
    else:
        copy[spot[0]][spot[1]] = bad
    changed = {**p, name[which]: copy}
    args, kwargs = _args(changed, arrays)
    with expect_raises(ValueError):
        solution.multi_head_attention(*args, **kwargs)


# --- large input: time and memory -----------------------------------------------------------------------------------


@kept
def _large(reference, causal: bool) -> tuple[dict, list]:
    rng = random.Random(2024 + causal)
    x = [[[rng.randrange(-8, 9) / 8 for _ in range(LARGE_D)] for _ in range(LARGE_L)]]
    weights = {name: [[rng.randrange(-8, 9) / 64 for _ in range(LARGE_D)] for _ in range(LARGE_D)]
               for name in WEIGHT_NAMES}
    mask = [[rng.random() < 0.2 for _ in range(LARGE_L)]] if causal else None
    p = {"x": x, **weights, "n_heads": LARGE_H, "causal": causal, "key_padding_mask": mask}
    args, kwargs = _args(p)
    want = reference.multi_head_attention(*args, **kwargs).tolist()
    return p, want


@category("large input: L = 1024, D = 64, 2 heads")
def test_large(solution, reference):
    p, want = _large(reference, False)
    _compare(_call(solution, p, arrays=True), want, 1e-9, f"L = {LARGE_L}, D = {LARGE_D}, {LARGE_H} heads")


@category("large input: L = 1024, D = 64, 2 heads")
def test_large_causal_padded(solution, reference):
    p, want = _large(reference, True)
    _compare(_call(solution, p, arrays=True), want, 1e-9,
             f"L = {LARGE_L}, D = {LARGE_D}, {LARGE_H} heads, causal, about 20% of the keys padded")
