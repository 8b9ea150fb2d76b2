"""Hidden properties of `DecisionTreeClassifier`: the contract in spec.md, rule by rule.

Trees are checked against an exact simulation of CART in fractions, and the
simulation keeps the contract's promise about ties. An exact tie (between the
best candidates, or between the best candidate and the node itself) is kept
only where every float64 formula computes the same value:

- the tied candidates' children have the same class counts, up to swapping
  the two children (the same numbers, so the same floats); or
- the node and every child involved hold a power-of-two number of rows
  (every fraction is then exact).

That is narrower than the contract allows (it also allows swapping the two
classes), so a correct solution is never asked to break a tie that rounding
could break for it. An example with any other tie is skipped (`assume`);
every other decision is between small rationals, far apart.

Features are small integers, so thresholds are halves and query rows placed
at a threshold, or a quarter on either side, are exact.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from fractions import Fraction

from hypothesis import assume, given, settings, strategies as st

from judge.testing import NdArray, WrongAnswer, category, expect, expect_equal, expect_raises, fail, kept

MARGIN = Fraction(1, 10**9)
SHAPE_EXAMPLES = 10
INT_LABELS = [-5, 0, 2, 10]
STR_LABELS = ["b", "a", "B", ""]


# --- the exact simulation ------------------------------------------------------------------------


class TooClose(Exception):
    """A tie that some float64 formula might break differently: the example is not used."""


def _gini(counts: tuple[int, ...], n: int) -> Fraction:
    return 1 - sum(Fraction(c, n) ** 2 for c in counts)


def _power_of_two(n: int) -> bool:
    return n > 0 and n & (n - 1) == 0


@dataclass(frozen=True)
class Candidate:
    impurity: Fraction
    feature: int
    threshold: Fraction
    children: tuple[tuple[int, ...], tuple[int, ...]]  # class counts of left and right

    def same_counts(self, other: Candidate) -> bool:
        return set(self.children) == set(other.children) and sorted(self.children) == sorted(other.children)

    def sizes(self) -> list[int]:
        return [sum(c) for c in self.children]


def _counts(labels: list, classes: list) -> tuple[int, ...]:
    return tuple(labels.count(c) for c in classes)


def _safe_tie(node_size: int, a: Candidate, b: Candidate | None) -> bool:
    if b is not None and a.same_counts(b):
        return True
    sizes = [node_size] + a.sizes() + (b.sizes() if b is not None else [])
    return all(map(_power_of_two, sizes))


def _grow(X, y, classes, members: list[int], depth: int, params: dict):
    labels = [y[i] for i in members]
    counts = _counts(labels, classes)
    best_count = max(counts)
    leaf = (classes[counts.index(best_count)],)  # classes are sorted: the first is the smallest
    max_depth = params.get("max_depth")
    if (max_depth is not None and depth >= max_depth) or len(members) < params.get("min_samples_split", 2):
        return leaf
    n = len(members)
    own = _gini(counts, n)
    candidates = []
    for f in range(len(X[0])):
        values = sorted({X[i][f] for i in members})
        for a, b in zip(values, values[1:]):
            t = (Fraction(a) + Fraction(b)) / 2
            left = [y[i] for i in members if X[i][f] <= t]
            right = [y[i] for i in members if X[i][f] > t]
            if min(len(left), len(right)) < params.get("min_samples_leaf", 1):
                continue
            impurity = (len(left) * _gini(_counts(left, classes), len(left))
                        + len(right) * _gini(_counts(right, classes), len(right))) / n
            candidates.append(Candidate(impurity, f, t, (_counts(left, classes), _counts(right, classes))))
    if not candidates:
        return leaf
    best = min(candidates, key=lambda c: (c.impurity, c.feature, c.threshold))
    # Split or not: a pure node (impurity exactly 0 in every formula) never splits.
    if best.impurity == own and own != 0 and not _safe_tie(n, best, None):
        raise TooClose
    if best.impurity != own and abs(best.impurity - own) <= MARGIN:
        raise TooClose
    if best.impurity >= own:
        return leaf
    # Which split: ties among the best candidates must be float-proof.
    for other in candidates:
        if other is not best and other.impurity == best.impurity and not _safe_tie(n, best, other):
            raise TooClose
        if other.impurity != best.impurity and abs(other.impurity - best.impurity) <= MARGIN:
            raise TooClose
    goes_left = [i for i in members if X[i][best.feature] <= best.threshold]
    goes_right = [i for i in members if X[i][best.feature] > best.threshold]
    return (best.feature, best.threshold, _grow(X, y, classes, goes_left, depth + 1, params),
            _grow(X, y, classes, goes_right, depth + 1, params))


def simulate(X, y, params: dict):
    return _grow(X, y, sorted(set(y)), list(range(len(X))), 0, params)


def predict(tree, row):
    while len(tree) == 4:
        feature, threshold, left, right = tree
        tree = left if row[feature] <= threshold else right
    return tree[0]


def describe(tree, row) -> str:
    """The path of a row through the expected tree, for the failure message."""
    steps = []
    while len(tree) == 4:
        feature, threshold, left, right = tree
        goes_left = row[feature] <= threshold
        steps.append(f"x[{feature}] {'<=' if goes_left else '>'} {float(threshold):g}")
        tree = left if goes_left else right
    return "to " + " -> ".join(steps + [f"leaf {tree[0]!r}"]) if steps else f"to the root, a leaf predicting {tree[0]!r}"


def _expected_tree(X, y, params: dict):
    try:
        return simulate(X, y, params)
    except TooClose:
        assume(False)
        raise  # unreachable


# --- strategies ------------------------------------------------------------------------------------


@st.composite
def datasets(draw: st.DrawFn, max_rows: int = 12, max_width: int = 3, values: int = 4,
             labels: list | None = None) -> tuple[list, list]:
    width = draw(st.integers(1, max_width))
    X = draw(st.lists(st.lists(st.integers(0, values - 1), min_size=width, max_size=width), min_size=1, max_size=max_rows))
    pool = labels or draw(st.sampled_from([INT_LABELS[:2], INT_LABELS[:3], STR_LABELS[:2], STR_LABELS]))
    y = draw(st.lists(st.sampled_from(pool), min_size=len(X), max_size=len(X)))
    return X, y


hyperparameters = st.fixed_dictionaries({}, optional={
    "max_depth": st.one_of(st.none(), st.integers(1, 4)),
    "min_samples_split": st.integers(2, 5),
    "min_samples_leaf": st.integers(1, 3),
})


def _queries(X: list) -> list:
    """The training rows, and copies moved onto and around every threshold, one feature at a time."""
    rows = [[float(v) for v in row] for row in X]
    for f in range(len(X[0])):
        values = sorted({row[f] for row in X})
        for a, b in zip(values, values[1:]):
            for offset in (0.25, 0.5, 0.75):
                q = [float(v) for v in X[0]]
                q[f] = a + (b - a) * offset
                rows.append(q)
    return rows


# --- checking ----------------------------------------------------------------------------------------


def _fitted(solution, X, y, params: dict, as_array: bool = False):
    model = solution.DecisionTreeClassifier(**params)
    expect(model.fit(NdArray(X) if as_array else X, y) is model, "fit must return self")
    return model


def _check(solution, X, y, params: dict | None = None, *, as_array: bool = False, why: str = "") -> None:
    params = params or {}
    tree = _expected_tree(X, y, params)
    model = _fitted(solution, X, y, params, as_array)
    rows = _queries(X)
    got = model.predict(NdArray(rows) if as_array else rows)
    expect(isinstance(got, list) and len(got) == len(rows),
           "predict must return a list (or 1-D array) with one label per row", actual=got)
    for row, label in zip(rows, got):
        want = predict(tree, row)
        if not (type(label) is type(want) and label == want):
            fail(f"prediction for row {row}{why}: the expected tree sends it {describe(tree, row)}",
                 expected=want, actual=label)


# --- worked examples -----------------------------------------------------------------------------------


@category("examples")
def test_statement_examples(solution):
    _check(solution, [[1], [2], [3], [4]], ["a", "a", "b", "b"])
    _check(solution, [[0, 0], [0, 1], [1, 0], [1, 1]], [0, 1, 1, 0])
    _check(solution, [[1, 5], [2, 5], [3, 6], [4, 6]], [1, 1, 2, 2])


# --- growing the tree ---------------------------------------------------------------------------------------


@category("greedy Gini splits")
@given(data=datasets())
def test_full_tree(solution, data):
    _check(solution, *data)


@category("greedy Gini splits")
@given(data=datasets(max_rows=16, values=6), params=hyperparameters)
def test_with_hyperparameters(solution, data, params):
    _check(solution, *data, params)


@category("thresholds halfway; x == t goes left")
@given(data=datasets(max_rows=8, max_width=2, values=8), depth=st.integers(1, 2))
def test_thresholds_between_values(solution, data, depth):
    _check(solution, *data, {"max_depth": depth})


@category("ties: smallest feature, then smallest threshold")
@given(data=datasets(max_rows=10, max_width=2), mirror=st.booleans(), front=st.booleans())
def test_equal_splits_on_copied_features(solution, data, mirror, front):
    # A copied (or mirrored) column splits the rows exactly like the original:
    # the tie must go to the smaller feature index.
    X, y = data
    copy = [[(9 - row[0]) if mirror else row[0]] for row in X]
    X2 = [c + row if front else row + c for row, c in zip(X, copy)]
    _check(solution, X2, y)


@category("ties: smallest feature, then smallest threshold")
@given(n=st.integers(1, 4), labels=st.sampled_from([INT_LABELS[:2], STR_LABELS[:2]]), gap=st.integers(1, 3))
def test_equal_splits_on_one_feature(solution, n, labels, gap):
    # a^n b^n a^n: the cuts after the first block and before the last have the
    # same children counts (swapped); the smaller threshold wins.
    a, b = labels
    y = [a] * n + [b] * n + [a] * n
    X = [[float(i * gap)] for i in range(3 * n)]
    _check(solution, X, y, {"max_depth": 1})


@category("no split unless it lowers the impurity")
@given(copies=st.sampled_from([1, 2, 4]), labels=st.sampled_from([INT_LABELS[:2], STR_LABELS[:2]]),
       depth=st.sampled_from([None, 2, 3]))
def test_xor_root_stays_a_leaf(solution, copies, labels, depth):
    # Every root split of XOR leaves both children as impure as the root: no gain, so no split.
    a, b = labels
    X = [[0, 0], [0, 1], [1, 0], [1, 1]] * copies
    y = [a, b, b, a] * copies
    _check(solution, X, y, {"max_depth": depth}, why=" (XOR: no root split gains anything)")


@category("max_depth (the root is depth 0)")
@given(data=datasets(max_rows=16, values=8), depth=st.integers(1, 3))
def test_max_depth(solution, data, depth):
    _check(solution, *data, {"max_depth": depth})


@category("min_samples_split and min_samples_leaf")
@given(data=datasets(max_rows=16, values=6), split=st.integers(2, 6), leaf=st.integers(1, 4))
def test_min_samples(solution, data, split, leaf):
    _check(solution, *data, {"min_samples_split": split, "min_samples_leaf": leaf})


@category("leaf label: most frequent, ties to the smallest")
@given(data=datasets(max_rows=10, max_width=1, values=2, labels=INT_LABELS), depth=st.integers(1, 2))
def test_leaf_majority(solution, data, depth):
    _check(solution, *data, {"max_depth": depth})


@category("leaf label: most frequent, ties to the smallest")
@given(labels=st.lists(st.sampled_from(INT_LABELS + [-7]), min_size=1, max_size=8) | st.lists(
    st.sampled_from(STR_LABELS), min_size=1, max_size=8))
def test_identical_rows_make_one_leaf(solution, labels):
    # Identical rows have no candidate split at all: one leaf, the majority label (ties: the smallest).
    _check(solution, [[1.0, 2.0]] * len(labels), labels)


# --- input forms -----------------------------------------------------------------------------------------


@category("labels returned as given (ints, negative ints, strings)")
@given(data=datasets(labels=[-3, -1, 1000]))
def test_int_labels_as_given(solution, data):
    _check(solution, *data)


@category("NumPy arrays as input")
@given(data=datasets(), params=hyperparameters)
def test_numpy_x(solution, data, params):
    _check(solution, *data, params, as_array=True)


@category("fit replaces what was learned and returns self")
@given(first=datasets(max_width=2), second=datasets(max_width=2))
def test_refit(solution, first, second):
    tree = _expected_tree(*second, {})
    model = solution.DecisionTreeClassifier()
    model.fit(*first)
    expect(model.fit(*second) is model, "fit must return self")
    rows = _queries(second[0])
    got = model.predict(rows)
    expect_equal(got, [predict(tree, row) for row in rows], "a second fit learns the new data only")


# --- errors -----------------------------------------------------------------------------------------------

VALID = {"max_depth": 3, "min_samples_split": 2, "min_samples_leaf": 1}


def _rejected(solution, X, y, **params) -> None:
    with expect_raises(ValueError):  # from the constructor or from fit
        solution.DecisionTreeClassifier(**{**VALID, **params}).fit(X, y)


@category("invalid hyperparameters: ValueError")
@settings(max_examples=SHAPE_EXAMPLES * 2)
@given(data=datasets(), name_value=st.sampled_from(
    [("max_depth", v) for v in (0, -1)] + [("min_samples_split", v) for v in (1, 0, -2)]
    + [("min_samples_leaf", v) for v in (0, -1)]))
def test_invalid_hyperparameters(solution, data, name_value):
    name, value = name_value
    _rejected(solution, *data, **{name: value})


@category("malformed X or y: ValueError")
@settings(max_examples=SHAPE_EXAMPLES)
@given(data=datasets(), change=st.integers(-2, 2).filter(bool), as_array=st.booleans())
def test_bad_shapes(solution, data, change, as_array):
    X, y = data
    _rejected(solution, NdArray([]) if as_array else [], [])
    _rejected(solution, X + [X[0] + [1]], y + y[:1])
    _rejected(solution, [[] for _ in X], y)
    _rejected(solution, NdArray(X) if as_array else X, (y + y[:1] * 2)[: max(0, len(y) + change)])


@category("malformed X or y: ValueError")
@settings(max_examples=SHAPE_EXAMPLES * 2)
@given(data=datasets(), bad=st.sampled_from([math.nan, math.inf, -math.inf]), where=st.integers(0, 50),
       as_array=st.booleans())
def test_non_finite_x(solution, data, bad, where, as_array):
    X = [[float(v) for v in row] for row in data[0]]
    X[where % len(X)][where % len(X[0])] = bad
    _rejected(solution, NdArray(X) if as_array else X, data[1])


@category("predict rows: same rules, same width as fit")
@settings(max_examples=SHAPE_EXAMPLES * 2)
@given(data=datasets(), kind=st.sampled_from(["wider", "narrower", "empty", "ragged", "zero-length", "nan"]),
       as_array=st.booleans())
def test_bad_prediction_rows(solution, data, kind, as_array):
    model = _fitted(solution, *data, VALID)
    width = len(data[0][0])
    rows = {
        "wider": [[1.0] * (width + 1)],
        "narrower": [[1.0] * (width - 1)] if width > 1 else [[1.0] * (width + 2)],
        "empty": [],
        "ragged": [[1.0] * width, [1.0] * (width + 1)],
        "zero-length": [[], []],
        "nan": [[math.nan] * width],
    }[kind]
    with expect_raises(ValueError):
        model.predict(NdArray(rows) if as_array and kind != "ragged" else rows)


@category("predict rows: same rules, same width as fit")
@settings(max_examples=SHAPE_EXAMPLES)
@given(data=datasets(), bad=st.sampled_from([math.nan, math.inf, -math.inf]), n_rows=st.integers(1, 4),
       row=st.integers(0, 3), column=st.integers(0, 2), as_array=st.booleans())
def test_non_finite_prediction_rows(solution, data, bad, n_rows, row, column, as_array):
    # One NaN or infinity in any row and any column of otherwise valid rows: a feature the tree never reads counts
    # too, and an infinity (which `<=` routes without complaint) as much as a NaN.
    model = _fitted(solution, *data, VALID)
    X = data[0]
    rows = [[float(v) for v in X[i % len(X)]] for i in range(n_rows)]
    where = (row % n_rows, column % len(rows[0]))
    rows[where[0]][where[1]] = bad
    try:
        with expect_raises(ValueError):
            model.predict(NdArray(rows) if as_array else rows)
    except WrongAnswer as wrong:
        fail(f"predict rows hold {bad} at row {where[0]}, column {where[1]}: NaN or infinity anywhere in X "
             f"raises ValueError in predict as in fit; {wrong}")


# --- large input: time ------------------------------------------------------------------------------------


@kept
def _large(reference) -> tuple[list, list, list]:
    """5000 rows, 4 integer features (thresholds are exact halves), 3 noisy classes, and the
    reference's predictions on them (0.4 CPU s a run to fit)."""
    rng = random.Random(LARGE_SEED)
    X = [[rng.randrange(1000) for _ in range(4)] for _ in range(LARGE_ROWS)]
    # Noisy labels keep the nodes impure, so the tree is deep and its nodes large.
    scores = [x[0] + x[1] / 2 - x[2] / 4 + rng.randrange(900) for x in X]
    y = ["lo" if s < 700 else "mid" if s < 1100 else "hi" for s in scores]
    return X, y, reference.DecisionTreeClassifier(**LARGE_PARAMS).fit(X, y).predict(X)


LARGE_SEED = 5
LARGE_ROWS = 5000
LARGE_PARAMS = {"max_depth": 8, "min_samples_leaf": 5}


@category("large input: 5000 rows x 4 features, depth 8")
def test_large_fit(solution, reference):
    # The seed was checked once with the exact simulation: no decision of this tree is a near-tie.
    X, y, expected = _large(reference)
    model = _fitted(solution, X, y, LARGE_PARAMS)
    got = model.predict(X)
    expect(isinstance(got, list) and len(got) == len(X), "predict must return one label per row", actual=len(got))
    wrong = [i for i, (g, w) in enumerate(zip(got, expected)) if g != w]
    if wrong:
        fail(f"{len(wrong)} of the {len(X)} training rows are predicted differently; the first is row {wrong[0]}",
             expected=expected[wrong[0]], actual=got[wrong[0]])
