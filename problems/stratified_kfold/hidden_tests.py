"""Hidden properties of `stratified_kfold`, rule by rule of spec.md.

The oracle computes each index's fold directly, without building the dealt
sequence: an index of class c at rank r within its class (rank in increasing
order, or in the order rng.shuffle left the class's list) sits at position
(the number of labels of smaller classes) + r, so its fold is that position
mod k. The invariants (a partition into test folds, train the complement,
sorted lists, per-class counts and fold sizes within 1) are checked on their
own, so that a failure says which one broke.
"""

from __future__ import annotations

import random
from collections import Counter

from hypothesis import given, settings, strategies as st

from judge.testing import NdArray, call_and_arguments, category, expect, expect_raises, fail, kept

SHAPE_EXAMPLES = 12
LARGE = 30_000


# --- the oracle -------------------------------------------------------------------------------------------


def expected_folds(y: list, k: int, shuffle: bool = False, seed=None) -> list[tuple[list[int], list[int]]]:
    classes = sorted(set(y))
    counts = Counter(y)
    rng = random.Random(seed) if shuffle else None
    fold_of = {}
    before = 0
    for c in classes:
        members = [i for i, label in enumerate(y) if label == c]
        if rng is not None:
            rng.shuffle(members)
        for rank, index in enumerate(members):
            fold_of[index] = (before + rank) % k
        before += counts[c]
    n = len(y)
    return [([i for i in range(n) if fold_of[i] != f], [i for i in range(n) if fold_of[i] == f]) for f in range(k)]


# --- checks -----------------------------------------------------------------------------------------------


def _is_index_list(value) -> bool:
    return isinstance(value, list) and all(isinstance(v, int) and not isinstance(v, bool) for v in value)


def _expect_valid(got, y: list, k: int) -> list[tuple[list[int], list[int]]]:
    """The invariants every stratified split must satisfy; returns the folds as (list, list) pairs."""
    n = len(y)
    expect(isinstance(got, (list, tuple)) and len(got) == k,
           f"the result must be a list of n_splits = {k} (train, test) pairs", actual=got)
    folds = []
    for f, pair in enumerate(got):
        if not (isinstance(pair, (list, tuple)) and len(pair) == 2):
            fail(f"fold {f} must be a (train, test) pair", actual=pair)
        train, test = pair
        if not (_is_index_list(train) and _is_index_list(test)):
            fail(f"fold {f}: train and test must be lists of int indices", actual=pair)
        for name, part in (("train", train), ("test", test)):
            if any(a >= b for a, b in zip(part, part[1:])):
                fail(f"fold {f}: the {name} indices must be in increasing order, without repeats", actual=part)
            if part and not (0 <= part[0] and part[-1] < n):
                fail(f"fold {f}: {name} holds an index outside 0..{n - 1}", actual=part)
        folds.append((list(train), list(test)))
    seen = Counter(i for _, test in folds for i in test)
    missing = [i for i in range(n) if seen[i] == 0]
    twice = sorted(i for i, c in seen.items() if c > 1)
    expect(not missing, f"indices {missing[:10]} are in no test fold: every index must be tested once", actual=got)
    expect(not twice, f"indices {twice[:10]} are in more than one test fold", actual=got)
    for f, (train, test) in enumerate(folds):
        complement = sorted(set(range(n)) - set(test))
        if train != complement:
            fail(f"fold {f}: train must be every index not in its test fold", expected=complement, actual=train)
    sizes = [len(test) for _, test in folds]
    expect(max(sizes) - min(sizes) <= 1, f"test fold sizes {sizes} differ by more than 1", actual=sizes)
    for c in sorted(set(y)):
        per_fold = [sum(1 for i in test if y[i] == c) for _, test in folds]
        if max(per_fold) - min(per_fold) > 1:
            fail(f"class {c!r} has {per_fold} members in the test folds: they must differ by at most 1",
                 actual=per_fold)
    return folds


def _check(solution, y: list, k: int, why: str, shuffle: bool = False, seed=None, as_array: bool = False) -> None:
    kwargs = {}
    if shuffle:
        kwargs["shuffle"] = True
    if seed is not None:
        kwargs["seed"] = seed
    got = solution.stratified_kfold(NdArray(y) if as_array else y, k, **kwargs)
    folds = _expect_valid(got, y, k)
    want = expected_folds(y, k, shuffle, seed)
    for f, (pair, wanted) in enumerate(zip(folds, want)):
        if pair[1] != wanted[1]:
            fail(f"fold {f}'s test indices: {why}", expected=wanted[1], actual=pair[1])


# --- strategies -------------------------------------------------------------------------------------------


@st.composite
def labels(draw: st.DrawFn, pool=(0, 1, 2, 3), min_size: int = 2, max_size: int = 20) -> list:
    return draw(st.lists(st.sampled_from(list(pool)), min_size=min_size, max_size=max_size))


@st.composite
def splits(draw: st.DrawFn, pool=(0, 1, 2, 3), max_size: int = 20) -> tuple[list, int]:
    y = draw(labels(pool, max_size=max_size))
    return y, draw(st.integers(2, len(y)))


# --- examples ----------------------------------------------------------------------------------------------


@category("examples")
def test_statement_examples(solution):
    _check(solution, [0, 1, 0, 0, 1, 1, 0, 2], 3, "classes end to end [0, 2, 3, 6, 1, 4, 5, 7], dealt 0, 1, 2, 0, ...")
    _check(solution, ["b", "a", "b", "b", "a", "b"], 2, "class 'a' shuffled first, then 'b', by one Random(7)",
           shuffle=True, seed=7)


# --- the assignment ------------------------------------------------------------------------------------------


@category("the dealt assignment (no shuffle)")
@given(split=splits())
def test_unshuffled_assignment(solution, split):
    y, k = split
    _check(solution, y, k, "each class's indices in increasing order, classes sorted, dealt to folds 0, 1, ..., k-1")


@category("the dealt assignment (no shuffle)")
@given(split=splits(pool=("pear", "apple", "fig", "Kiwi"), max_size=16))
def test_string_labels(solution, split):
    y, k = split
    _check(solution, y, k, "string classes in sorted order ('Kiwi' < 'apple')")


@category("the dealt assignment (no shuffle)")
@given(split=splits(pool=(10, 2, -1, 3)))
def test_int_labels_sort_as_numbers(solution, split):
    y, k = split
    _check(solution, y, k, "int classes sort as numbers (-1, 2, 3, 10), not as strings")


@category("shuffle with a seed: reproducible")
@given(split=splits(), seed=st.integers(0, 2**32))
def test_shuffled_assignment(solution, split, seed):
    y, k = split
    _check(solution, y, k, f"rng = random.Random({seed}); one rng.shuffle per class, classes in sorted order, "
                           "each list in increasing order before its shuffle", shuffle=True, seed=seed)


@category("shuffle with a seed: reproducible")
@given(split=splits(pool=("b", "a", "c")), seed=st.integers(0, 100))
def test_shuffle_order_includes_singletons(solution, split, seed):
    # A class of one still takes its rng.shuffle call: the classes after it depend on that.
    y, k = split
    _check(solution, ["a"] + y, min(k, len(y) + 1), "one rng.shuffle per class, a class of one included",
           shuffle=True, seed=seed)


@category("shuffle with a seed: reproducible")
@given(split=splits(), seed=st.integers(0, 1000))
def test_same_seed_same_folds(solution, split, seed):
    y, k = split
    first = solution.stratified_kfold(y, k, shuffle=True, seed=seed)
    second = solution.stratified_kfold(y, k, shuffle=True, seed=seed)
    expect(first == second, f"two calls with seed={seed} must give the same folds", expected=first, actual=second)


@category("shuffle without a seed: any valid split")
@settings(max_examples=15)
@given(split=splits())
def test_unseeded_shuffle_is_valid(solution, split):
    y, k = split
    _expect_valid(solution.stratified_kfold(y, k, shuffle=True), y, k)


@category("the dealt assignment (no shuffle)")
@settings(max_examples=15)
@given(split=splits())
def test_explicit_shuffle_false(solution, split):
    # shuffle=False passed explicitly is the default: the dealt assignment.
    y, k = split
    got = solution.stratified_kfold(y, k, shuffle=False)
    want = expected_folds(y, k)
    folds = _expect_valid(got, y, k)
    expect([t for _, t in folds] == [t for _, t in want], "shuffle=False: the unshuffled assignment",
           expected=want, actual=got)


# --- edge cases ------------------------------------------------------------------------------------------------


@category("one class; singleton classes; k = n (leave-one-out)")
@given(n=st.integers(2, 12), label=st.sampled_from([0, "x", 2.5]), data=st.data())
def test_single_class(solution, n, label, data):
    k = data.draw(st.integers(2, n))
    _check(solution, [label] * n, k, "one class: plain k-fold, indices dealt in increasing order")


@category("one class; singleton classes; k = n (leave-one-out)")
@given(y=labels(max_size=12), shuffle=st.booleans(), seed=st.integers(0, 50))
def test_leave_one_out(solution, y, shuffle, seed):
    _check(solution, y, len(y), "k = n: every test fold holds one index", shuffle=shuffle,
           seed=seed if shuffle else None)


@category("one class; singleton classes; k = n (leave-one-out)")
@given(y=st.permutations(list(range(7))), k=st.integers(2, 7))
def test_every_class_a_singleton(solution, y, k):
    _check(solution, list(y), k, "every class has one member: the classes in sorted order are dealt in turn")


@category("one class; singleton classes; k = n (leave-one-out)")
@given(split=splits(), rare=st.sampled_from([-5, 1, 9]), where=st.integers(0, 30))
def test_a_class_rarer_than_k(solution, split, rare, where):
    # A class with one member, first, in the middle or last in sorted order, at any position of y.
    y, k = split
    y = list(y)
    y.insert(where % (len(y) + 1), rare)
    _check(solution, y, min(k + 1, len(y)), f"class {rare} has one member: it is in one test fold only")


@category("NumPy arrays as input")
@given(split=splits(), shuffle=st.booleans(), seed=st.integers(0, 99))
def test_numpy_labels(solution, split, shuffle, seed):
    y, k = split
    _check(solution, [float(v) for v in y], k, "the same folds from a NumPy array", shuffle=shuffle,
           seed=seed if shuffle else None, as_array=True)


@category("y is not modified")
@given(split=splits(pool=(3, 1, 2)), shuffle=st.booleans())
def test_y_unchanged(solution, split, shuffle):
    y, k = split
    after = call_and_arguments(solution, "stratified_kfold", list(y), k, shuffle=shuffle, seed=1 if shuffle else None)
    expect(after.args[0] == y, "stratified_kfold must not modify y", expected=y, actual=after.args[0])


# --- errors ------------------------------------------------------------------------------------------------------


@category("n_splits not an int: TypeError")
@settings(max_examples=SHAPE_EXAMPLES)
@given(y=labels(), bad=st.sampled_from([2.0, 3.5, "3", True, None, [2]]))
def test_n_splits_not_an_int(solution, y, bad):
    with expect_raises(TypeError):
        solution.stratified_kfold(y, bad)


@category("n_splits out of range: ValueError")
@settings(max_examples=SHAPE_EXAMPLES * 2)
@given(y=labels(min_size=0), bad=st.sampled_from(["one", "zero", "negative", "n + 1", "much more"]),
       shuffle=st.booleans())
def test_n_splits_out_of_range(solution, y, bad, shuffle):
    k = {"one": 1, "zero": 0, "negative": -2, "n + 1": len(y) + 1, "much more": len(y) + 50}[bad]
    with expect_raises(ValueError):
        solution.stratified_kfold(y, k, shuffle=shuffle)


@category("n_splits out of range: ValueError")
def test_empty_labels(solution):
    for k in (2, 0):
        with expect_raises(ValueError):
            solution.stratified_kfold([], k)


@category("a seed without shuffle: ValueError")
@settings(max_examples=SHAPE_EXAMPLES)
@given(split=splits(), seed=st.integers(0, 100), explicit=st.booleans())
def test_seed_without_shuffle(solution, split, seed, explicit):
    y, k = split
    with expect_raises(ValueError):
        if explicit:
            solution.stratified_kfold(y, k, shuffle=False, seed=seed)
        else:
            solution.stratified_kfold(y, k, seed=seed)


@category("errors checked in order")
@settings(max_examples=SHAPE_EXAMPLES)
@given(y=labels(), bad=st.sampled_from([1.0, "9", True]))
def test_type_error_before_value_error(solution, y, bad):
    # n_splits is not an int (TypeError) and a seed is given without shuffle (ValueError): TypeError first.
    with expect_raises(TypeError):
        solution.stratified_kfold(y, bad, seed=4)


# --- large input ----------------------------------------------------------------------------------------------------


@kept
def _large(shuffle: bool) -> tuple[list[int], list]:
    """30 000 labels in 7 classes of very different sizes, and the expected folds for k = 5."""
    rng = random.Random(41)
    weights = [1, 2, 5, 10, 30, 100, 400]
    y = rng.choices(range(7), weights=weights, k=LARGE)
    return y, expected_folds(y, 5, shuffle, 123 if shuffle else None)


@category("large input: 30 000 labels, 5 folds")
@settings(max_examples=2)
@given(shuffle=st.booleans())
def test_large(solution, shuffle):
    y, folds = _large(shuffle)
    got = solution.stratified_kfold(y, 5, **({"shuffle": True, "seed": 123} if shuffle else {}))
    expect(isinstance(got, (list, tuple)) and len(got) == 5, "5 (train, test) pairs", actual=type(got).__name__)
    for f, (pair, (want_train, want_test)) in enumerate(zip(got, folds)):
        expect(isinstance(pair, (list, tuple)) and len(pair) == 2, f"fold {f} must be a (train, test) pair")
        train, test = pair
        if test != want_test:
            fail(f"fold {f}'s test indices on 30 000 labels (first 20 shown)", expected=want_test[:20],
                 actual=test[:20] if isinstance(test, list) else test)
        if train != want_train:
            fail(f"fold {f}'s train indices must be every index not in its test fold, in increasing order")
