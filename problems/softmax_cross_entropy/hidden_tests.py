"""Hidden properties of `cross_entropy`: spec.md, rule by rule.

The oracle is exact arithmetic, not the reference: every float64 logit is an
exact decimal, and the loss log(sum exp(z)) - z_label and the probabilities
exp(z_j - max) / sum are computed with 50-digit decimals (the standard
library's `decimal`), so the oracle shares no code or formula order with any
float64 solution. Tolerances are set by what float64 can know: subtracting
the row maximum rounds each exponent by about 1e-16 of the logits' size, so
the loss is known within 1e-9 * (1 + M), M the largest finite |logit|, and a
gradient entry (at most 1 in size) within 1e-9.

The gradient is also checked against the solution's own loss by central finite
differences (h = 1e-4 on logits of size <= 8: truncation error about 1e-9,
rounding error about 1e-11; tolerance 1e-6), and against the invariants of
softmax - one_hot: rows summing to 0, signs, shift invariance.
"""

from __future__ import annotations

import decimal
import math
import random
from decimal import Decimal

from hypothesis import given, settings, strategies as st

from judge.testing import NdArray, call_and_arguments, category, expect, expect_raises, fail, kept

NEG_INF = -math.inf
LOSS_REL = 1e-9
GRAD_TOL = 1e-9
FD_STEP = 1e-4
FD_TOL = 1e-6
SHAPE_EXAMPLES = 12
LARGE_ROWS, LARGE_CLASSES = 50_000, 8
EXACT = decimal.Context(prec=50, Emin=-10**8, Emax=10**8, traps=[decimal.InvalidOperation, decimal.DivisionByZero])

# Small logits: integers, quarters, and arbitrary floats in a modest range.
small_logit = st.one_of(
    st.integers(-8, 8),
    st.integers(-32, 32).map(lambda k: k / 4),
    st.floats(-8, 8, allow_nan=False, allow_infinity=False),
)


# --- strategies ---------------------------------------------------------------------------------------------


@st.composite
def problems(draw: st.DrawFn, max_rows: int = 5, max_classes: int = 5, min_classes: int = 1,
             masked: bool = False, logit=small_logit) -> tuple[list, list]:
    """(logits, labels): every row has a finite entry and its label's logit is finite."""
    classes = draw(st.integers(min_classes, max_classes))
    n = draw(st.integers(1, max_rows))
    logits, labels = [], []
    for _ in range(n):
        row = draw(st.lists(logit, min_size=classes, max_size=classes))
        label = draw(st.integers(0, classes - 1))
        if masked and classes > 1:
            mask = draw(st.lists(st.booleans(), min_size=classes, max_size=classes))
            row = [NEG_INF if m and j != label else v for j, (v, m) in enumerate(zip(row, mask))]
        logits.append(row)
        labels.append(label)
    return logits, labels


# --- the exact oracle ---------------------------------------------------------------------------------------------


def _exact(logits: list, labels: list) -> tuple[Decimal, list[list[Decimal]], float]:
    """(mean loss, gradient, M): 50-digit decimals from the definition; M = the largest finite |logit|."""
    n = len(logits)
    total = Decimal(0)
    grad = []
    scale = 0.0
    for row, label in zip(logits, labels):
        finite = [Decimal(float(v)) for v in row if v != NEG_INF]
        scale = max([scale] + [abs(float(v)) for v in row if v != NEG_INF])
        top = max(finite)
        weights = [Decimal(0) if v == NEG_INF else EXACT.exp(EXACT.subtract(Decimal(float(v)), top)) for v in row]
        norm = Decimal(0)
        for w in weights:
            norm = EXACT.add(norm, w)
        log_sum = EXACT.add(top, EXACT.ln(norm))
        total = EXACT.add(total, EXACT.subtract(log_sum, Decimal(float(row[label]))))
        grad.append([EXACT.divide(EXACT.subtract(EXACT.divide(w, norm), Decimal(int(j == label))), Decimal(n))
                     for j, w in enumerate(weights)])
    return EXACT.divide(total, Decimal(n)), grad, scale


# --- talking to the solution ------------------------------------------------------------------------------------


def _unpack(result, n: int, classes: int) -> tuple[float, list[list[float]]]:
    """The (mean_loss, grad) pair, its shapes and types checked."""
    if not (isinstance(result, (tuple, list)) and len(result) == 2):
        fail("cross_entropy must return a pair (mean_loss, grad)", actual=result)
    loss, grad = result
    if not (isinstance(loss, (int, float)) and not isinstance(loss, bool)):
        fail("mean_loss must be a float", actual=loss)
    if not (isinstance(grad, (list, tuple)) and len(grad) == n):
        fail(f"grad must have the shape of logits: {n} rows of {classes}", actual=grad)
    for i, row in enumerate(grad):
        if not (isinstance(row, (list, tuple)) and len(row) == classes):
            fail(f"row {i} of grad must hold {classes} numbers, one per class", actual=row)
        for value in row:
            if not (isinstance(value, (int, float)) and not isinstance(value, bool)):
                fail(f"row {i} of grad must hold numbers", actual=row)
    return float(loss), [[float(v) for v in row] for row in grad]


def _call(solution, logits, labels, arrays: tuple[bool, bool] = (False, False)) -> tuple[float, list]:
    result = solution.cross_entropy(NdArray(logits) if arrays[0] else logits, NdArray(labels) if arrays[1] else labels)
    return _unpack(result, len(logits), len(logits[0]))


def _expect_exact(loss: float, grad: list, logits: list, labels: list, why: str) -> None:
    want_loss, want_grad, scale = _exact(logits, labels)
    tolerance = LOSS_REL * (1 + scale)
    if not (math.isfinite(loss) and abs(Decimal(loss) - want_loss) <= Decimal(tolerance)):
        fail(f"mean_loss is {loss!r}, the exact mean cross-entropy is {float(want_loss)!r} "
             f"(tolerance {tolerance:.3g}): {why}", expected=float(want_loss), actual=loss)
    for i, (got_row, want_row) in enumerate(zip(grad, want_grad)):
        for j, (g, w) in enumerate(zip(got_row, want_row)):
            if logits[i][j] == NEG_INF:
                if g != 0.0:
                    fail(f"grad[{i}][{j}] is {g!r}: the logit is -inf, so its probability and gradient are "
                         f"exactly 0: {why}", expected=0.0, actual=g)
            elif not (math.isfinite(g) and abs(Decimal(g) - w) <= Decimal(GRAD_TOL)):
                fail(f"grad[{i}][{j}] is {g!r}, (softmax - one_hot) / n is {float(w)!r}: {why}",
                     expected=[float(v) for v in want_row], actual=got_row)


# --- worked examples ------------------------------------------------------------------------------------------------


@category("examples")
def test_statement_examples(solution):
    logits, labels = [[2.0, 1.0, 0.0], [0.0, 0.0, NEG_INF]], [0, 1]
    loss, grad = _call(solution, logits, labels)
    _expect_exact(loss, grad, logits, labels, "the worked example of the statement")
    loss, grad = _call(solution, [[10000.0, -10000.0]], [1])
    _expect_exact(loss, grad, [[10000.0, -10000.0]], [1], "logits of +-1e4: the loss is 20000")


# --- the definition -------------------------------------------------------------------------------------------------


@category("mean cross-entropy and (softmax - one_hot) / n")
@given(case=problems())
def test_exact_loss_and_gradient(solution, case):
    logits, labels = case
    loss, grad = _call(solution, logits, labels)
    _expect_exact(loss, grad, logits, labels, "compared with the definition in exact arithmetic")


@category("one row, one class")
@given(case=problems(max_rows=1))
def test_single_row(solution, case):
    logits, labels = case
    loss, grad = _call(solution, logits, labels)
    _expect_exact(loss, grad, logits, labels, "a batch of one row (n = 1)")


@category("one row, one class")
@given(case=problems(max_classes=1))
def test_single_class(solution, case):
    logits, labels = case
    loss, grad = _call(solution, logits, labels)
    expect(loss == 0.0 and all(g == [0.0] for g in grad),
           "with C = 1 the only probability is 1: the loss and the gradient are 0", expected=(0.0, [[0.0]] * len(grad)),
           actual=(loss, grad))


@category("equal logits: uniform softmax")
@given(n=st.integers(1, 4), classes=st.integers(1, 6), value=small_logit, data=st.data())
def test_constant_rows(solution, n, classes, value, data):
    labels = data.draw(st.lists(st.integers(0, classes - 1), min_size=n, max_size=n))
    logits = [[value] * classes for _ in range(n)]
    loss, grad = _call(solution, logits, labels)
    expect(abs(loss - math.log(classes)) <= 1e-12 * (1 + abs(value)),
           f"every logit of a row equal: each probability is 1/{classes}, the loss log({classes})",
           expected=math.log(classes), actual=loss)
    _expect_exact(loss, grad, logits, labels, "every logit of a row equal")


@category("NumPy arrays as input")
@given(case=problems(masked=True), arrays=st.sampled_from([(True, True), (True, False), (False, True)]))
def test_numpy_input(solution, case, arrays):
    logits, labels = case
    loss, grad = _call(solution, logits, labels, arrays)
    _expect_exact(loss, grad, logits, labels, "the same input given as NumPy arrays (labels as a float array)")


# --- stability ------------------------------------------------------------------------------------------------------------


@category("stable for huge logits (+-1e4 and beyond)")
@given(case=problems(max_classes=4), scale=st.sampled_from([1e3, 1e4, 1e6, 1e100, 1e300]))
def test_huge_logits(solution, case, scale):
    logits = [[v * scale for v in row] for row in case[0]]
    loss, grad = _call(solution, logits, case[1])
    _expect_exact(loss, grad, logits, case[1], f"logits scaled by {scale:g}: exp overflows unless the row max is "
                  "subtracted, and log(probability) is -inf unless the loss is log-sum-exp minus the label's logit")


@category("stable for huge logits (+-1e4 and beyond)")
@given(n=st.integers(2, 5), classes=st.integers(2, 4), data=st.data())
def test_rows_on_different_scales(solution, n, classes, data):
    # One row near +1e4, another near -1e4: a maximum taken over the whole matrix empties the low row.
    offsets = data.draw(st.lists(st.sampled_from([-10_000, 0, 10_000]), min_size=n, max_size=n).filter(
        lambda o: max(o) - min(o) == 20_000))
    logits = [[offset + data.draw(st.integers(-3, 3)) for _ in range(classes)] for offset in offsets]
    labels = data.draw(st.lists(st.integers(0, classes - 1), min_size=n, max_size=n))
    loss, grad = _call(solution, logits, labels)
    _expect_exact(loss, grad, logits, labels, f"rows centred on {offsets}: each row's own maximum must be subtracted")


@category("masked logits (-inf)")
@given(case=problems(min_classes=2, masked=True))
def test_masked_logits(solution, case):
    logits, labels = case
    loss, grad = _call(solution, logits, labels)
    _expect_exact(loss, grad, logits, labels, "-inf logits have probability 0 and gradient exactly 0")


@category("masked logits (-inf)")
@given(case=problems(min_classes=2, masked=True, logit=st.sampled_from([-1e4, 0, 1e4, 5e300])))
def test_masked_and_huge(solution, case):
    logits, labels = case
    loss, grad = _call(solution, logits, labels)
    _expect_exact(loss, grad, logits, labels, "-inf logits beside logits of +-1e4 and 5e300")


# --- the mathematics of the gradient ---------------------------------------------------------------------------------------


@category("gradient: finite differences")
@settings(max_examples=10)
@given(case=problems(max_rows=3, max_classes=4, masked=True))
def test_finite_differences_entrywise(solution, case):
    logits, labels = case
    _loss, grad = _call(solution, logits, labels)
    for i, row in enumerate(logits):
        for j, value in enumerate(row):
            if value == NEG_INF:
                continue
            up = [r[:] for r in logits]
            down = [r[:] for r in logits]
            up[i][j] = value + FD_STEP
            down[i][j] = value - FD_STEP
            slope = (_call(solution, up, labels)[0] - _call(solution, down, labels)[0]) / (2 * FD_STEP)
            if not abs(slope - grad[i][j]) <= FD_TOL:
                fail(f"grad[{i}][{j}] is {grad[i][j]!r}, but your own loss changes at the rate {slope!r} when "
                     f"logits[{i}][{j}] moves (central difference, h = {FD_STEP:g})", expected=slope, actual=grad[i][j])


@category("gradient: finite differences")
@settings(max_examples=25)
@given(case=problems(max_rows=6, max_classes=6), seed=st.integers(0, 2**32 - 1))
def test_finite_differences_along_a_direction(solution, case, seed):
    logits, labels = case
    _loss, grad = _call(solution, logits, labels)
    rng = random.Random(seed)
    direction = [[rng.uniform(-1, 1) for _ in row] for row in logits]
    up = [[v + FD_STEP * d for v, d in zip(r, dr)] for r, dr in zip(logits, direction)]
    down = [[v - FD_STEP * d for v, d in zip(r, dr)] for r, dr in zip(logits, direction)]
    slope = (_call(solution, up, labels)[0] - _call(solution, down, labels)[0]) / (2 * FD_STEP)
    predicted = sum(g * d for gr, dr in zip(grad, direction) for g, d in zip(gr, dr))
    expect(abs(slope - predicted) <= FD_TOL * (1 + len(logits[0])),
           f"along a random direction V, sum(grad * V) is {predicted!r} but your own loss changes at the rate "
           f"{slope!r} (central difference, h = {FD_STEP:g})", expected=slope, actual=predicted)


@category("gradient: invariants")
@given(case=problems(masked=True))
def test_gradient_invariants(solution, case):
    logits, labels = case
    n = len(logits)
    _loss, grad = _call(solution, logits, labels)
    for i, (row, label) in enumerate(zip(grad, labels)):
        total = math.fsum(row)
        if abs(total) > 1e-12:
            fail(f"row {i} of grad sums to {total!r}, not 0 (softmax sums to 1, one_hot too)", actual=row)
        if not -1.0 / n - 1e-15 <= row[label] <= 1e-15:
            fail(f"grad[{i}][{label}] (the label's entry) is {row[label]!r}: (p - 1) / n lies in [-1/n, 0]", actual=row)
        for j, g in enumerate(row):
            if j != label and not -1e-15 <= g <= 1.0 / n + 1e-15:
                fail(f"grad[{i}][{j}] is {g!r}: p / n lies in [0, 1/n] for a class other than the label", actual=row)


@category("gradient: invariants")
@given(case=problems(), shift=st.sampled_from([-1000, -3, 0.5, 7, 1e4]), where=st.integers(0, 10))
def test_shift_invariance(solution, case, shift, where):
    logits, labels = case
    row = where % len(logits)
    shifted = [[v + shift for v in r] if i == row else list(r) for i, r in enumerate(logits)]
    loss, grad = _call(solution, logits, labels)
    loss2, grad2 = _call(solution, shifted, labels)
    expect(abs(loss - loss2) <= 1e-9 * (1 + abs(shift)),
           f"adding {shift} to row {row} changes no probability, so the loss must stay {loss!r}",
           expected=loss, actual=loss2)
    for j, (a, b) in enumerate(zip(grad[row], grad2[row])):
        expect(abs(a - b) <= 1e-9, f"adding {shift} to row {row} changed grad[{row}][{j}] from {a!r} to {b!r}",
               expected=grad[row], actual=grad2[row])


@category("arguments are not modified")
@given(case=problems(masked=True), as_array=st.booleans())
def test_arguments_unchanged(solution, case, as_array):
    logits, labels = case
    after = call_and_arguments(solution, "cross_entropy", NdArray(logits) if as_array else [r[:] for r in logits],
                               NdArray(labels) if as_array else list(labels))
    expect([[float(v) for v in r] for r in after.args[0]] == [[float(v) for v in r] for r in logits],
           "cross_entropy modified logits (shift a copy, not the caller's array)", expected=logits, actual=after.args[0])
    expect([float(v) for v in after.args[1]] == [float(v) for v in labels], "cross_entropy modified labels",
           expected=labels, actual=after.args[1])


# --- errors ------------------------------------------------------------------------------------------------------------------


def _rejected(solution, logits, labels, as_array: bool = False, also=()) -> None:
    with expect_raises(ValueError, *also):
        solution.cross_entropy(NdArray(logits) if as_array else logits, labels)


@category("malformed logits: ValueError")
@settings(max_examples=SHAPE_EXAMPLES)
@given(case=problems(), as_array=st.booleans())
def test_bad_shapes(solution, case, as_array):
    logits, labels = case
    classes = len(logits[0])
    _rejected(solution, NdArray([]) if as_array else [], [])
    _rejected(solution, [[] for _ in logits], labels, as_array)  # C = 0
    _rejected(solution, logits[0], labels[:1], as_array)  # 1-D
    _rejected(solution, [logits], labels, as_array)  # 3-D
    _rejected(solution, logits + [logits[0] + [1.0]], labels + [0])  # ragged: one row too long
    if classes > 1:
        _rejected(solution, [logits[0][:-1]] + logits, [0] + labels)  # ragged: the first row too short


@category("malformed logits: ValueError")
@settings(max_examples=SHAPE_EXAMPLES * 2)
@given(case=problems(masked=True), where=st.integers(0, 100), as_array=st.booleans())
def test_nan_or_positive_infinity(solution, case, where, as_array):
    logits, labels = case
    for bad in (math.nan, math.inf):
        broken = [list(r) for r in logits]
        broken[where % len(broken)][(where // len(broken)) % len(broken[0])] = bad
        _rejected(solution, broken, labels, as_array)


@category("a row of only -inf: ValueError")
@settings(max_examples=SHAPE_EXAMPLES * 2)
@given(case=problems(max_rows=6), where=st.integers(0, 100), as_array=st.booleans())
def test_row_of_only_negative_infinity(solution, case, where, as_array):
    logits, labels = case
    row = where % len(logits)  # first, last, middle or the only row
    logits = [[NEG_INF] * len(r) if i == row else list(r) for i, r in enumerate(logits)]
    _rejected(solution, logits, labels, as_array)


@category("labels: wrong length or out of range: ValueError")
@settings(max_examples=SHAPE_EXAMPLES)
@given(case=problems(), where=st.integers(0, 100), as_array=st.booleans())
def test_bad_label(solution, case, where, as_array):
    logits, labels = case
    classes = len(logits[0])
    for bad in (-1, classes, classes + 3, 1.5, math.nan, -0.5):
        broken = list(labels)
        broken[where % len(broken)] = bad  # first, last, middle or the only label
        _rejected(solution, logits, NdArray(broken) if as_array else broken)


@category("labels: wrong length or out of range: ValueError")
@settings(max_examples=SHAPE_EXAMPLES)
@given(case=problems(), as_array=st.booleans())
def test_label_count(solution, case, as_array):
    logits, labels = case
    _rejected(solution, logits, NdArray(labels + [0]) if as_array else labels + [0])
    if len(labels) > 1:
        _rejected(solution, logits, labels[:-1])
    _rejected(solution, logits, [])
    _rejected(solution, logits, [[label] for label in labels], also=(TypeError,))


@category("a label whose logit is -inf: ValueError")
@settings(max_examples=SHAPE_EXAMPLES * 2)
@given(case=problems(min_classes=2, masked=True), where=st.integers(0, 100), as_array=st.booleans())
def test_label_logit_negative_infinity(solution, case, where, as_array):
    logits, labels = case
    row = where % len(logits)
    logits = [list(r) for r in logits]
    label = labels[row]
    logits[row][label] = NEG_INF
    if all(v == NEG_INF for v in logits[row]):
        logits[row][(label + 1) % len(logits[row])] = 0.0  # the row keeps a finite logit: only this rule applies
    _rejected(solution, logits, labels, as_array)


# --- large input: time --------------------------------------------------------------------------------------------------------


@kept
def _large() -> tuple[list, list, float, list]:
    """50 000 rows x 8 classes, some masked, some at +-1e4; the expected loss and gradient.

    The expected values come from a float64 log-sum-exp written here in plain Python (math.fsum), not
    from the reference."""
    rng = random.Random(5)
    logits, labels = [], []
    for i in range(LARGE_ROWS):
        scale = 1e4 if i % 97 == 0 else 3.0
        row = [round(rng.gauss(0, 1) * scale, 3) for _ in range(LARGE_CLASSES)]
        label = rng.randrange(LARGE_CLASSES)
        if i % 11 == 0:
            row[(label + 1 + rng.randrange(LARGE_CLASSES - 1)) % LARGE_CLASSES] = NEG_INF
        logits.append(row)
        labels.append(label)
    losses, grad = [], []
    for row, label in zip(logits, labels):
        top = max(row)
        weights = [math.exp(v - top) for v in row]
        norm = math.fsum(weights)
        losses.append(top + math.log(norm) - row[label])
        grad.append([(w / norm - (j == label)) / LARGE_ROWS for j, w in enumerate(weights)])
    return logits, labels, math.fsum(losses) / LARGE_ROWS, grad


@category("large input: 50 000 rows x 8 classes")
def test_large(solution):
    logits, labels, want_loss, want_grad = _large()
    loss, grad = _call(solution, logits, labels)
    expect(abs(loss - want_loss) <= 1e-9 * 1e5, f"mean_loss over {LARGE_ROWS} rows", expected=want_loss, actual=loss)
    worst = max(range(LARGE_ROWS), key=lambda i: max(abs(a - b) for a, b in zip(grad[i], want_grad[i])))
    if max(abs(a - b) for a, b in zip(grad[worst], want_grad[worst])) > GRAD_TOL:
        fail(f"row {worst} of grad (of {LARGE_ROWS})", expected=want_grad[worst], actual=grad[worst])
    sample = list(range(0, LARGE_ROWS, 997)) + [LARGE_ROWS - 1]
    rows, row_labels = [logits[i] for i in sample], [labels[i] for i in sample]
    _loss, exact_grad, _ = _exact(rows, row_labels)
    for k, i in enumerate(sample):  # the exact gradient of a batch of len(sample) rows, rescaled to LARGE_ROWS
        for j, w in enumerate(exact_grad[k]):
            expected = float(w) * len(sample) / LARGE_ROWS
            if abs(grad[i][j] - expected) > GRAD_TOL or (logits[i][j] == NEG_INF and grad[i][j] != 0.0):
                fail(f"grad[{i}][{j}] of the large input is {grad[i][j]!r}, exactly {expected!r}",
                     expected=expected, actual=grad[i][j])
