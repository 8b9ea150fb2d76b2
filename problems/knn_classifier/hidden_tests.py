"""Hidden properties of `knn_predict`: squared distances, index tie-break, majority vote, nearest-member vote tie-break.

The oracle is brute force and shares no code with the reference (which selects
with np.partition): every squared distance in exact integer arithmetic, a full
sort of (distance, index) pairs, the first k, a count of the votes, and among
the labels with the most votes the one met first in that order.

Coordinates are small integers (or integers times a power of two), so every
squared distance is exact in float64 for any formula (direct, expanded
|x|² − 2x·q + |q|², or its square root): a tie built by the tests is a tie for
every correct implementation, and a non-tie stays a non-tie. Small coordinate
ranges make ties frequent, at every place in the order: first, k-th, last.
"""

from __future__ import annotations

import math
import random

import numpy as np
from hypothesis import given, settings, strategies as st

from judge.testing import NdArray, call_and_arguments, category, expect, expect_raises, fail, kept

SHAPE_EXAMPLES = 10
LABEL_POOLS = {
    "ints": [0, 1, 2],
    "strings": ["cat", "dog", "eel"],
    "tuples": [(0, 1), (1, 0), (1, 1)],
    "mixed": ["a", 7, (2, "b")],
}


# --- the oracle --------------------------------------------------------------------------------------------


def _neighbours(X_train, query, k: int) -> list[int]:
    ranked = sorted(range(len(X_train)),
                    key=lambda i: (sum((a - b) ** 2 for a, b in zip(X_train[i], query)), i))
    return ranked[:k]


def _oracle(X_train, y_train, X_query, k: int) -> list:
    answers = []
    for query in X_query:
        order = [y_train[i] for i in _neighbours(X_train, query, k)]
        votes = {}
        for label in order:
            votes[label] = votes.get(label, 0) + 1
        top = max(votes.values())
        answers.append(next(label for label in order if votes[label] == top))
    return answers


def _explain(X_train, y_train, query, k: int) -> str:
    near = _neighbours(X_train, query, k)
    parts = [f"row {i} (distance {sum((a - b) ** 2 for a, b in zip(X_train[i], query))}, label {y_train[i]!r})"
             for i in near]
    return f"the {k} nearest are " + ", ".join(parts)


def _check(got, X_train, y_train, X_query, k: int, why: str = "") -> None:
    want = _oracle(X_train, y_train, X_query, k)
    expect(isinstance(got, list) and len(got) == len(X_query),
           f"knn_predict must return a list with one label per query ({len(X_query)})", actual=got)
    for i, (g, w) in enumerate(zip(got, want)):
        if g != w or type(g) is not type(w) and not (isinstance(g, (int, float)) and isinstance(w, (int, float))):
            fail(f"query {i} {X_query[i]}: {_explain(X_train, y_train, X_query[i], k)}, so the label is {w!r}"
                 + (f" ({why})" if why else ""), expected=w, actual=g)


# --- strategies --------------------------------------------------------------------------------------------


@st.composite
def tasks(draw, max_train: int = 12, max_width: int = 3, coordinate_range: int = 2, pool: str | None = None):
    d = draw(st.integers(1, max_width))
    coordinate = st.integers(-coordinate_range, coordinate_range)
    X_train = draw(st.lists(st.lists(coordinate, min_size=d, max_size=d), min_size=1, max_size=max_train))
    labels = LABEL_POOLS[pool or draw(st.sampled_from(sorted(LABEL_POOLS)))]
    y_train = draw(st.lists(st.sampled_from(labels), min_size=len(X_train), max_size=len(X_train)))
    X_query = draw(st.lists(st.lists(coordinate, min_size=d, max_size=d), min_size=1, max_size=4))
    k = draw(st.integers(1, len(X_train)))
    return X_train, y_train, X_query, k


# --- examples ---------------------------------------------------------------------------------------------------


@category("examples")
def test_statement_examples(solution):
    X, y = [[0, 0], [1, 0], [0, 1], [5, 5], [6, 5]], ["a", "a", "b", "b", "b"]
    _check(solution.knn_predict(X, y, [[0, 0], [5, 4], [3, 3]], 3), X, y, [[0, 0], [5, 4], [3, 3]], 3)
    X, y = [[0], [2], [2], [4]], ["x", "y", "z", "y"]
    _check(solution.knn_predict(X, y, [[1], [3]], 2), X, y, [[1], [3]], 2)


# --- the rules --------------------------------------------------------------------------------------------------


@category("neighbours and votes (brute-force oracle)")
@given(task=tasks(coordinate_range=4))
def test_matches_brute_force(solution, task):
    X_train, y_train, X_query, k = task
    _check(solution.knn_predict(X_train, y_train, X_query, k), X_train, y_train, X_query, k)


@category("equal distances: the smaller training index is nearer")
@given(task=tasks(coordinate_range=1, max_train=10))
def test_distance_ties(solution, task):
    """Coordinates in {-1, 0, 1}: most distances tie, at the first, the k-th and the last place."""
    X_train, y_train, X_query, k = task
    _check(solution.knn_predict(X_train, y_train, X_query, k), X_train, y_train, X_query, k,
           "equal distances are ordered by training index")


@category("equal distances: the smaller training index is nearer")
@given(n=st.integers(2, 8), k=st.integers(1, 8), rotate=st.integers(0, 7), pool=st.sampled_from(sorted(LABEL_POOLS)))
def test_all_at_one_distance(solution, n, k, rotate, pool):
    """Every training row at the same distance: the neighbours are rows 0..k-1, whatever their labels."""
    k = min(k, n)
    X_train = [[1, 0], [0, 1], [-1, 0], [0, -1]] * 2
    X_train = X_train[:n]
    labels = LABEL_POOLS[pool]
    y_train = [labels[(i * 5 + rotate) % 3 % len(labels)] for i in range(n)]
    _check(solution.knn_predict(X_train, y_train, [[0, 0]], k), X_train, y_train, [[0, 0]], k,
           "all rows are at distance 1: the first k by index are the neighbours")


@category("equal distances: the smaller training index is nearer")
@settings(max_examples=8)
@given(seed=st.integers(0, 2**32 - 1), k=st.integers(1, 40))
def test_many_ties_in_a_larger_set(solution, seed, k):
    """300 training rows on a 7 x 7 grid: every distance is shared by many rows (an unstable sort shows here)."""
    rng = random.Random(seed)
    X_train = [[rng.randrange(-3, 4), rng.randrange(-3, 4)] for _ in range(300)]
    y_train = [rng.choice(LABEL_POOLS["strings"]) for _ in X_train]
    X_query = [[rng.randrange(-3, 4), rng.randrange(-3, 4)] for _ in range(6)]
    _check(solution.knn_predict(X_train, y_train, X_query, k), X_train, y_train, X_query, k,
           "equal distances are ordered by training index")


@category("tied vote: the label whose nearest member is nearest")
@given(labels=st.permutations(["a", "b", "c"]), k=st.sampled_from([2, 4, 6]), offset=st.integers(0, 3))
def test_vote_ties(solution, labels, k, offset):
    """k neighbours split evenly between two labels; the winner's nearest member is first, second or last."""
    # Row i at distance i + 1 from the query (0): labels alternate from a chosen start.
    pattern = [labels[(i + offset) % 2] for i in range(k)] + [labels[2]] * 3
    X_train = [[i + 1] for i in range(len(pattern))]
    order = list(range(len(pattern)))
    random.Random(offset * 7 + k).shuffle(order)  # the training index must not decide: distances differ
    X_train = [X_train[i] for i in order]
    y_train = [pattern[i] for i in order]
    _check(solution.knn_predict(X_train, y_train, [[0]], k), X_train, y_train, [[0]], k,
           f"{k // 2} votes each: the label of the nearest neighbour wins")


@category("tied vote: the label whose nearest member is nearest")
@given(task=tasks(coordinate_range=3, max_train=10))
def test_even_k(solution, task):
    X_train, y_train, X_query, _ = task
    k = max(2, len(X_train) - len(X_train) % 2)
    if k > len(X_train):
        return
    _check(solution.knn_predict(X_train, y_train, X_query, k), X_train, y_train, X_query, k)


@category("k = 1 and k = n")
@given(task=tasks(coordinate_range=3))
def test_extreme_k(solution, task):
    X_train, y_train, X_query, _ = task
    for k in sorted({1, len(X_train)}):
        _check(solution.knn_predict(X_train, y_train, X_query, k), X_train, y_train, X_query, k,
               "k = 1: the nearest row's label" if k == 1 else "k = n: the majority of all labels")


@category("a query equal to a training row")
@given(task=tasks(coordinate_range=3), data=st.data())
def test_query_on_training_point(solution, task, data):
    X_train, y_train, _, k = task
    picks = data.draw(st.lists(st.integers(0, len(X_train) - 1), min_size=1, max_size=3), label="rows")
    X_query = [list(X_train[i]) for i in picks]
    _check(solution.knn_predict(X_train, y_train, X_query, k), X_train, y_train, X_query, k, "distance 0 comes first")


# --- labels, scale, input types ---------------------------------------------------------------------------------


@category("labels: any hashable, returned as given")
@given(task=tasks(coordinate_range=3), pool=st.sampled_from(["strings", "tuples", "mixed"]))
def test_hashable_labels(solution, task, pool):
    X_train, _, X_query, k = task
    labels = LABEL_POOLS[pool]
    y_train = [labels[(3 * i + sum(row)) % len(labels)] for i, row in enumerate(X_train)]
    _check(solution.knn_predict(X_train, y_train, X_query, k), X_train, y_train, X_query, k, f"{pool} labels")


@category("huge and tiny coordinates (powers of two)")
@given(task=tasks(coordinate_range=3), power=st.sampled_from([-30, 20]))
def test_scaled(solution, task, power):
    X_train, y_train, X_query, k = task
    f = 2.0 ** power
    Xs = [[v * f for v in row] for row in X_train]
    Qs = [[v * f for v in row] for row in X_query]
    expected = _oracle(X_train, y_train, X_query, k)  # scaling by 2^p keeps every order and tie
    got = solution.knn_predict(Xs, y_train, Qs, k)
    _check(got, X_train, y_train, X_query, k, f"coordinates scaled by 2^{power}: the same neighbours")
    expect(got == expected, "scaling every coordinate by a power of two changes no answer")


@category("NumPy arrays as input")
@given(task=tasks(coordinate_range=3, pool="ints"), arrays=st.sampled_from([(True, True, True), (True, False, False),
                                                                          (False, True, True), (False, False, True)]))
def test_numpy_input(solution, task, arrays):
    X_train, y_train, X_query, k = task
    args = [NdArray(v) if a else v for v, a in zip((X_train, y_train, X_query), arrays)]
    got = solution.knn_predict(*args, k)
    want = _oracle(X_train, y_train, X_query, k)
    expect(isinstance(got, list) and len(got) == len(want), "one label per query", actual=got)
    for i, (g, w) in enumerate(zip(got, want)):
        if g != w:
            fail(f"query {i} {X_query[i]}: {_explain(X_train, y_train, X_query[i], k)}, so the label is {w!r}",
                 expected=w, actual=g)


@category("arguments are not modified")
@given(task=tasks(coordinate_range=3))
def test_arguments_not_modified(solution, task):
    X_train, y_train, X_query, k = task
    for as_array in (True, False):
        sent = (NdArray(X_train) if as_array else [list(r) for r in X_train], list(y_train),
                NdArray(X_query) if as_array else [list(r) for r in X_query])
        after = call_and_arguments(solution, "knn_predict", *sent, k)
        for name, want, left in zip(("X_train", "y_train", "X_query"), (X_train, y_train, X_query), after.args):
            if left != want:
                fail(f"knn_predict must not modify {name}: after the call it was", expected=want, actual=left)
        _check(after.value, X_train, y_train, X_query, k)


# --- errors -------------------------------------------------------------------------------------------------------


@category("k: TypeError if not an int, ValueError outside 1..n")
@given(task=tasks(), bad=st.sampled_from([1.0, 2.0, "2", None, 0.5]))
def test_k_type(solution, task, bad):
    X_train, y_train, X_query, _ = task
    with expect_raises(TypeError):
        solution.knn_predict(X_train, y_train, X_query, bad)


@category("k: TypeError if not an int, ValueError outside 1..n")
@given(task=tasks(), low=st.sampled_from([0, -1, -3]), high=st.sampled_from([1, 2, 100]))
def test_k_range(solution, task, low, high):
    X_train, y_train, X_query, _ = task
    for k in (low, len(X_train) + high):
        with expect_raises(ValueError):
            solution.knn_predict(X_train, y_train, X_query, k)


@category("malformed input: ValueError")
@settings(max_examples=SHAPE_EXAMPLES)
@given(task=tasks(), where=st.integers(0, 20), change=st.sampled_from([-1, 1, 2]), as_array=st.booleans())
def test_bad_shapes(solution, task, where, change, as_array):
    X_train, y_train, X_query, k = task
    cases = {
        "no training rows": ([], [], X_query, 1),
        "no query rows": (X_train, y_train, [], k),
        "ragged training rows": ([row + [1] if i == where % len(X_train) else row for i, row in enumerate(X_train)]
                                 + ([X_train[0] + [1, 1]] if len(X_train) == 1 else []),
                                 y_train + ([y_train[0]] if len(X_train) == 1 else []), X_query, k),
        "zero-length rows": ([[] for _ in X_train], y_train, [[] for _ in X_query], k),
        "labels of another length": (X_train, (y_train * 3)[: max(0, len(y_train) + change)], X_query, k),
        "a query of another width": (X_train, y_train, [row + [0] for row in X_query], k),
        "ragged query rows": (X_train, y_train, X_query + [X_query[0] + [1]], k),
    }
    for what, (Xt, yt, Xq, kk) in cases.items():
        if as_array and what in ("labels of another length", "a query of another width"):
            Xt, Xq = NdArray(Xt), NdArray(Xq)
        with expect_raises(ValueError):
            solution.knn_predict(Xt, yt, Xq, kk)


@category("malformed input: ValueError")
@settings(max_examples=SHAPE_EXAMPLES * 2)
@given(task=tasks(), bad=st.sampled_from([math.nan, math.inf, -math.inf]), where=st.integers(0, 60),
       in_query=st.booleans(), as_array=st.booleans())
def test_non_finite(solution, task, bad, where, in_query, as_array):
    X_train, y_train, X_query, k = task
    target = [[float(v) for v in row] for row in (X_query if in_query else X_train)]
    target[where % len(target)][(where // len(target)) % len(target[0])] = bad
    if as_array:
        target = NdArray(target)
    args = (X_train, y_train, target, k) if in_query else (target, y_train, X_query, k)
    with expect_raises(ValueError):
        solution.knn_predict(*args)


@category("malformed input: ValueError")
def test_non_finite_every_position(solution):
    for bad in (math.nan, -math.inf):
        for i in range(3):
            for j in range(2):
                X = [[1.0, 2.0], [3.0, 5.0], [4.0, 4.0]]
                X[i][j] = bad
                with expect_raises(ValueError):
                    solution.knn_predict(X, [0, 1, 0], [[0.0, 0.0]], 1)
                with expect_raises(ValueError):
                    solution.knn_predict([[0.0, 0.0]] * 3, [0, 1, 0], X, 1)


# --- large input ----------------------------------------------------------------------------------------------


@kept
def _large() -> dict:
    rng = random.Random(53)
    n, m = 20_000, 2_000
    X_train = [[rng.randrange(-300, 301), rng.randrange(-300, 301)] for _ in range(n)]
    y_train = [(x // 100 + 3 * (y // 150) + rng.randrange(2)) % 5 for x, y in X_train]
    X_query = [[rng.randrange(-300, 301), rng.randrange(-300, 301)] for _ in range(m)]
    k = 15
    return {"X_train": X_train, "y_train": y_train, "X_query": X_query, "k": k,
            "answers": _large_oracle(X_train, y_train, X_query, k)}


def _large_oracle(X_train, y_train, X_query, k: int) -> list:
    """The brute-force oracle with the distances in exact int64 and a full lexicographic sort per query."""
    train = np.array(X_train, dtype=np.int64)
    index = np.arange(len(train))
    answers = []
    for query in np.array(X_query, dtype=np.int64):
        distances = ((train - query) ** 2).sum(axis=1)
        order = np.lexsort((index, distances))[:k]  # by distance, then by index
        labels = [y_train[i] for i in order]
        votes = {label: labels.count(label) for label in labels}
        top = max(votes.values())
        answers.append(next(label for label in labels if votes[label] == top))
    return answers


@category("large input: 20 000 training rows x 2 000 queries")
def test_large(solution):
    large = _large()
    got = solution.knn_predict(NdArray(large["X_train"]), large["y_train"], NdArray(large["X_query"]), large["k"])
    expect(isinstance(got, list) and len(got) == len(large["answers"]), "one label per query", actual=len(got))
    for i, (g, w) in enumerate(zip(got, large["answers"])):
        if g != w:
            fail(f"query {i} {large['X_query'][i]}: "
                 f"{_explain(large['X_train'], large['y_train'], large['X_query'][i], large['k'])}, so the label is {w!r}",
                 expected=w, actual=g)
