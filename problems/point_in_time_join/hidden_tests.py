"""Hidden properties of point_in_time_join, one category per rule of the spec.

Small inputs are checked against the definition itself: for every label, every
feature row is looked at, in input order, and the last one with the largest
timestamp at or before the label's wins (a scan that shares nothing with a
sort-and-search solution). Feature values are the strings "v<index>", so a
wrong answer names the row it came from. Timestamps are small integers (many
ties) or quarter units, which float64 subtracts exactly, so no freshness
comparison can round the other way. The large inputs are built so that the
answer of every label follows from the construction.
"""

from __future__ import annotations

import copy
import math
import random

from hypothesis import given, strategies as st

from judge.testing import call_and_arguments, category, expect, expect_equal, expect_raises, fail, kept

INF = math.inf
NAN = math.nan
ENTITIES = ["a", "b", "c", 7]
SMALL_TIMES = st.integers(0, 12)
QUARTER_TIMES = st.integers(0, 48).map(lambda quarters: quarters / 4)
AGES = st.one_of(st.integers(0, 6), st.integers(0, 24).map(lambda q: q / 4), st.just(INF))
LARGE = 50_000
EPOCH_MS = 1_700_000_000_000


# ------------------------------------------------------------ the oracle

def _brute(labels, features, max_age=None) -> list[tuple]:
    """The definition, one label at a time over every feature row."""
    joined = []
    for entity, ts, label in labels:
        best_ts, best_value = None, None
        for f_entity, f_ts, f_value in features:
            if f_entity == entity and f_ts <= ts:
                if best_ts is None or f_ts >= best_ts:  # >=: a later row at the same time wins
                    best_ts, best_value = f_ts, f_value
        if best_ts is not None and max_age is not None and ts - best_ts > max_age:
            best_value = None
        joined.append((entity, ts, label, best_value))
    return joined


def _rows_of(result, count: int) -> list[tuple]:
    """The solution's result as a list of 4-tuples, or a wrong answer saying why not."""
    if not isinstance(result, (list, tuple)):
        fail(f"the result must be a list of rows, got {type(result).__name__}")
    if len(result) != count:
        fail(f"the result has {len(result)} rows, not one per label ({count})")
    rows = []
    for index, row in enumerate(result):
        if not isinstance(row, (list, tuple)) or len(row) != 4:
            fail(f"row {index} of the result is {row!r}, not (entity, ts, label, value)")
        rows.append(tuple(row))
    return rows


def _check(result, labels, features, expected, max_age=None) -> None:
    """Compare row by row; the message names the first wrong row and where its answer comes from."""
    rows = _rows_of(result, len(labels))
    for index, (got, want) in enumerate(zip(rows, expected)):
        if got[:3] != want[:3]:
            fail(f"row {index} of the result starts {got[:3]!r}, but labels[{index}] is {want[:3]!r}: "
                 "rows must be the label rows, in the labels' order",
                 expected=want, actual=got)
        if got[3] != want[3]:
            origin = next((f"features[{i}] = {tuple(f)!r}" for i, f in enumerate(features)
                           if f[2] == want[3]), "no feature row") if want[3] is not None else "no feature"
            fail(f"row {index} (label {tuple(labels[index])!r}, max_age={max_age!r}): "
                 f"value {got[3]!r}, expected {want[3]!r} from {origin}",
                 expected=want, actual=got)


def _expect_join(solution, labels, features, max_age=None, expected=None) -> None:
    if expected is None:
        expected = _brute(labels, features, max_age)
    if max_age is None:
        result = solution.point_in_time_join(labels, features)
    else:
        result = solution.point_in_time_join(labels, features, max_age=max_age)
    _check(result, labels, features, expected, max_age)


# ------------------------------------------------------------ strategies

@st.composite
def tables(draw, times=SMALL_TIMES, max_rows: int = 10):
    """(labels, features): few entities and times, so matches and ties are common;
    rows as tuples or lists."""
    as_list = draw(st.booleans())
    shape = list if as_list else tuple
    keys = draw(st.lists(st.tuples(st.sampled_from(ENTITIES), times), max_size=max_rows))
    features = [shape((e, t, f"v{i}")) for i, (e, t) in enumerate(keys)]
    labels = [shape(row) for row in draw(st.lists(
        st.tuples(st.sampled_from(ENTITIES), times, st.integers(0, 1)), max_size=max_rows))]
    return labels, features


# ------------------------------------------------------------ worked example

EXAMPLE_LABELS = [("u1", 10, 1), ("u2", 5, 0), ("u1", 3, 0), ("u1", 20, 1), ("u3", 7, 0)]
EXAMPLE_FEATURES = [("u1", 4, "a"), ("u1", 10, "b"), ("u2", 6, "c"), ("u1", 10, "d"), ("u1", 12, "e")]


@category("worked example")
def test_worked_example(solution):
    expected = [("u1", 10, 1, "d"), ("u2", 5, 0, None), ("u1", 3, 0, None), ("u1", 20, 1, "e"),
                ("u3", 7, 0, None)]
    _expect_join(solution, EXAMPLE_LABELS, EXAMPLE_FEATURES, expected=expected)
    expected[3] = ("u1", 20, 1, None)
    _expect_join(solution, EXAMPLE_LABELS, EXAMPLE_FEATURES, max_age=5, expected=expected)


# ------------------------------------------------------------ empty and single rows

@category("empty and single rows")
def test_empty_inputs(solution):
    _expect_join(solution, [], [], expected=[])
    _expect_join(solution, [], [("a", 1, "v0")], expected=[])
    _expect_join(solution, [("a", 1, 0), ("b", 2, 1)], [], expected=[("a", 1, 0, None), ("b", 2, 1, None)])
    _expect_join(solution, [("a", 1, 0)], [], max_age=3, expected=[("a", 1, 0, None)])


@category("empty and single rows")
def test_one_label_one_feature(solution):
    for feature_ts, value in ((4, "v0"), (5, "v0"), (6, None)):
        _expect_join(solution, [("a", 5, 1)], [("a", feature_ts, "v0")], expected=[("a", 5, 1, value)])


# ------------------------------------------------------------ the definition

@category("latest feature at or before the label")
@given(data=tables())
def test_small_tables_match_brute_force(solution, data):
    labels, features = data
    _expect_join(solution, labels, features)


@category("latest feature at or before the label")
@given(data=tables(times=QUARTER_TIMES, max_rows=12))
def test_fractional_times_match_brute_force(solution, data):
    labels, features = data
    _expect_join(solution, labels, features)


@category("never from the future")
@given(t=st.integers(-5, 5), before=st.integers(1, 4), after=st.integers(1, 4), order=st.permutations(range(3)))
def test_feature_at_the_label_time_counts_one_later_does_not(solution, t, before, after, order):
    rows = [("a", t - before, "v_past"), ("a", t, "v_now"), ("a", t + after, "v_future")]
    features = [rows[i] for i in order]
    _expect_join(solution, [("a", t, 1)], features, expected=[("a", t, 1, "v_now")])
    # Without the row at t, the past one; with only the future one, nothing.
    features = [row for row in features if row[2] != "v_now"]
    _expect_join(solution, [("a", t, 1)], features, expected=[("a", t, 1, "v_past")])
    _expect_join(solution, [("a", t, 1)], [rows[2]], expected=[("a", t, 1, None)])


@category("never from the future")
def test_only_future_features(solution):
    labels = [("a", 0, 1), ("a", 9, 0)]
    features = [("a", 10, "v0"), ("a", 11, "v1"), ("a", 9.25, "v2")]
    _expect_join(solution, labels, features, expected=[("a", 0, 1, None), ("a", 9, 0, None)])


# ------------------------------------------------------------ ties

@category("equal feature timestamps: the later row wins")
@given(count=st.integers(2, 4), others=st.lists(st.integers(0, 9).filter(lambda t: t != 5), max_size=5),
       data=st.data())
def test_last_of_the_tied_rows_wins_wherever_it_is(solution, count, others, data):
    """`count` rows of entity "a" at ts 5 scattered among others (first, last, middle positions)."""
    slots = len(others) + count
    tied_at = sorted(data.draw(st.sets(st.integers(0, slots - 1), min_size=count, max_size=count),
                               label="positions of the tied rows"))
    features, other = [], iter(others)
    for position in range(slots):
        ts = 5 if position in tied_at else next(other)
        features.append(("a", ts, f"v{position}"))
    expected_value = f"v{tied_at[-1]}"
    labels = [("a", 5, 0), ("a", 7, 1)]
    expected = _brute(labels, features)
    expect_equal(expected[0][3], expected_value, "oracle self-check")
    _expect_join(solution, labels, features, expected=expected)


@category("equal feature timestamps: the later row wins")
def test_ties_first_middle_last_only(solution):
    cases = {
        "only": [("a", 3, "v0"), ("a", 3, "v1")],
        "first": [("a", 3, "v0"), ("a", 3, "v1"), ("a", 1, "v2"), ("a", 2, "v3")],
        "last": [("a", 1, "v0"), ("a", 2, "v1"), ("a", 3, "v2"), ("a", 3, "v3")],
        "middle": [("a", 1, "v0"), ("a", 3, "v1"), ("a", 9, "v2"), ("a", 3, "v3"), ("a", 2, "v4")],
        "apart": [("a", 3, "v0"), ("b", 3, "v1"), ("a", 3, "v2"), ("a", 0, "v3"), ("b", 3, "v4")],
    }
    for features in cases.values():
        _expect_join(solution, [("a", 3, 1), ("a", 4, 0)], features)


# ------------------------------------------------------------ max_age

@category("max_age")
@given(data=tables(), max_age=AGES)
def test_small_tables_with_max_age_match_brute_force(solution, data, max_age):
    labels, features = data
    _expect_join(solution, labels, features, max_age=max_age)


@category("max_age")
@given(t=st.integers(0, 100), age=st.integers(0, 10), fraction=st.sampled_from([0, 0.5, 0.25]))
def test_age_equal_to_max_age_is_fresh(solution, t, age, fraction):
    seen = t - age - fraction
    labels = [("a", t, 1)]
    features = [("a", seen, "v0")]
    fresh = [("a", t, 1, "v0")]
    stale = [("a", t, 1, None)]
    _expect_join(solution, labels, features, max_age=age + fraction, expected=fresh)
    _expect_join(solution, labels, features, max_age=age + fraction + 1, expected=fresh)
    if age + fraction >= 1:
        _expect_join(solution, labels, features, max_age=age + fraction - 1, expected=stale)
    if age + fraction > 0:
        _expect_join(solution, labels, features, max_age=(age + fraction) / 2, expected=stale)


@category("max_age")
def test_max_age_zero_keeps_only_exact_times(solution):
    labels = [("a", 5, 1), ("a", 6, 0), ("b", 5, 1)]
    features = [("a", 5, "v0"), ("b", 4, "v1")]
    _expect_join(solution, labels, features, max_age=0,
                 expected=[("a", 5, 1, "v0"), ("a", 6, 0, None), ("b", 5, 1, None)])
    _expect_join(solution, labels, features, max_age=0.0,
                 expected=[("a", 5, 1, "v0"), ("a", 6, 0, None), ("b", 5, 1, None)])


@category("max_age")
def test_stale_latest_gives_none_and_inf_is_no_limit(solution):
    labels = [("a", 100, 1)]
    features = [("a", 90, "v0"), ("a", 50, "v1"), ("a", 101, "v2")]
    _expect_join(solution, labels, features, max_age=5, expected=[("a", 100, 1, None)])
    _expect_join(solution, labels, features, max_age=INF, expected=[("a", 100, 1, "v0")])
    _expect_join(solution, labels, features, max_age=10, expected=[("a", 100, 1, "v0")])


# ------------------------------------------------------------ entities

@category("entities")
def test_entities_match_by_equality_and_type(solution):
    labels = [(1, 5, 0), ("1", 5, 1), ("c", 5, 0), (2, 5, 1)]
    features = [("1", 1, "v0"), (1, 2, "v1"), ("b", 4, "v2"), (2, 6, "v3")]
    _expect_join(solution, labels, features,
                 expected=[(1, 5, 0, "v1"), ("1", 5, 1, "v0"), ("c", 5, 0, None), (2, 5, 1, None)])


@category("entities")
def test_other_entities_at_the_right_time_are_ignored(solution):
    labels = [("a", 10, 1)]
    features = [("b", 10, "v0"), ("a", 2, "v1"), ("c", 9, "v2")]
    _expect_join(solution, labels, features, expected=[("a", 10, 1, "v1")])


# ------------------------------------------------------------ output order

@category("output in the labels' order")
@given(data=tables(max_rows=12), seed=st.integers(0, 2**16))
def test_unsorted_and_duplicate_labels_keep_their_order(solution, data, seed):
    labels, features = data
    labels = labels + labels[: len(labels) // 2]  # duplicates
    random.Random(seed).shuffle(labels)
    _expect_join(solution, labels, features)


@category("output in the labels' order")
def test_descending_labels(solution):
    labels = [("a", t, t % 2) for t in range(10, -1, -1)]
    features = [("a", t, f"v{t}") for t in range(0, 12, 3)]
    _expect_join(solution, labels, features)


@category("output in the labels' order")
def test_label_values_and_timestamps_returned_as_given(solution):
    labels = [("a", 2.5, {"clicked": True}), ("a", 3, None), ("b", 7, "churned")]
    features = [("a", 2, [1, 2]), ("b", 7.0, "v1")]
    expected = [("a", 2.5, {"clicked": True}, [1, 2]), ("a", 3, None, [1, 2]), ("b", 7, "churned", "v1")]
    result = solution.point_in_time_join(labels, features)
    rows = _rows_of(result, len(labels))
    for index, (got, want) in enumerate(zip(rows, expected)):
        expect_equal(list(got), list(want), f"row {index}")


# ------------------------------------------------------------ arguments

@category("arguments not modified")
@given(data=tables(), max_age=st.one_of(st.none(), AGES))
def test_arguments_are_left_unchanged(solution, data, max_age):
    labels, features = data
    before = copy.deepcopy((labels, features))
    after = call_and_arguments(solution, "point_in_time_join", labels, features, max_age)
    expect(after.args[0] == before[0], "labels were modified", expected=before[0], actual=after.args[0])
    expect(after.args[1] == before[1], "features were modified", expected=before[1], actual=after.args[1])
    _check(after.value, labels, features, _brute(labels, features, max_age), max_age)


# ------------------------------------------------------------ errors

VALID_LABELS = [["a", 1, 0], ["b", 2, 1], ["a", 3, 0]]
VALID_FEATURES = [["a", 0, "v0"], ["b", 1, "v1"], ["a", 2, "v2"]]
POSITIONS = ("only", "first", "middle", "last")


def _with_bad_row(rows: list, bad, where: str) -> list:
    rows = [list(row) for row in rows]
    if where == "only":
        return [bad]
    index = {"first": 0, "middle": len(rows) // 2, "last": len(rows)}[where]
    return rows[:index] + [bad] + rows[index:]


def _expect_error(solution, error, labels, features, max_age=None, what: str = "") -> None:
    with expect_raises(error):
        solution.point_in_time_join(labels, features, max_age)


def _each_position(solution, error, bad_rows) -> None:
    for bad in bad_rows:
        for where in POSITIONS:
            _expect_error(solution, error, _with_bad_row(VALID_LABELS, bad, where), VALID_FEATURES)
            _expect_error(solution, error, VALID_LABELS, _with_bad_row(VALID_FEATURES, bad, where))
    # Checked even when the other table is empty (nothing to join).
    _expect_error(solution, error, [bad_rows[0]], [])
    _expect_error(solution, error, [], [bad_rows[0]])


@category("errors: tables that are not lists")
def test_tables_that_are_not_lists_raise_type_error(solution):
    for bad in (None, 5, "a,1,0", {"a": 1}):
        _expect_error(solution, TypeError, bad, VALID_FEATURES)
        _expect_error(solution, TypeError, VALID_LABELS, bad)
        _expect_error(solution, TypeError, bad, [])


@category("errors: rows that are not lists")
def test_rows_that_are_not_lists_raise_type_error(solution):
    _each_position(solution, TypeError, [None, 5, "a15", {"entity": "a", "ts": 1}])


@category("errors: rows without three items")
def test_rows_of_the_wrong_length_raise_value_error(solution):
    _each_position(solution, ValueError, [["a", 1], ["a", 1, 0, "extra"], []])


@category("errors: timestamps that are not numbers")
def test_timestamps_that_are_not_numbers_raise_type_error(solution):
    _each_position(solution, TypeError, [["a", "5", 0], ["a", None, 0], ["a", True, 0], ["a", [5], 0]])


@category("errors: timestamps that are not finite")
def test_nan_and_infinite_timestamps_raise_value_error(solution):
    _each_position(solution, ValueError, [["a", NAN, 0], ["a", INF, 0], ["a", -INF, 0]])


@category("errors: max_age")
def test_bad_max_age(solution):
    for bad in ("5", True, False, [1]):
        _expect_error(solution, TypeError, VALID_LABELS, VALID_FEATURES, bad)
        _expect_error(solution, TypeError, [], [], bad)
    for bad in (-1, -0.25, NAN, -INF):
        _expect_error(solution, ValueError, VALID_LABELS, VALID_FEATURES, bad)
        _expect_error(solution, ValueError, [], [], bad)


# ------------------------------------------------------------ large inputs

def _pairs_in_random_order(rng: random.Random, entities: list, per_entity: int, step: int) -> list:
    """Two rows per (entity, k) at ts EPOCH_MS + step*k, all shuffled; of each pair the row that ends
    up earlier in the list holds the value 2k, the later one 2k+1 (the one that must win)."""
    keys = [(e, k) for e in entities for k in range(per_entity)] * 2
    rng.shuffle(keys)
    seen: set = set()
    features = []
    for entity, k in keys:
        later = (entity, k) in seen
        seen.add((entity, k))
        features.append((entity, EPOCH_MS + step * k, 2 * k + int(later)))
    return features


MINUTE_MS = 60_000
WITHIN = (0, 1, 2, 30_000, MINUTE_MS - 1)


@kept
def _large_case(entity_count: int, max_age) -> tuple[list, list, list]:
    """100,000 features (pairs at equal times, one minute apart in epoch milliseconds) and 100,000
    labels over `entity_count` entities, one label in twenty for an entity without features;
    expected answers from the construction."""
    rng = random.Random(entity_count)
    entities = list(range(entity_count))
    per_entity = LARGE // 2 // entity_count
    features = _pairs_in_random_order(rng, entities, per_entity, MINUTE_MS)
    labels, expected = [], []
    for _ in range(LARGE):
        entity = rng.randrange(entity_count) if rng.random() < 0.95 else -1  # -1 has no features
        k = rng.randrange(-1, per_entity + 1)  # the minute before the first feature to one after the last
        within = rng.choice(WITHIN)
        ts = EPOCH_MS + MINUTE_MS * k + within
        label = rng.randrange(2)
        value = None
        if entity >= 0 and k >= 0:
            latest = min(k, per_entity - 1)
            if max_age is None or MINUTE_MS * (k - latest) + within <= max_age:
                value = 2 * latest + 1
        labels.append((entity, ts, label))
        expected.append((entity, ts, label, value))
    return labels, features, expected


@category("large: one entity, 100,000 labels and 100,000 features")
def test_large_one_entity(solution):
    labels, features, expected = _large_case(1, 1)
    _expect_join(solution, labels, features, max_age=1, expected=expected)


@category("large: 1,000 entities, 100,000 labels and 100,000 features")
def test_large_many_entities(solution):
    labels, features, expected = _large_case(1000, None)
    _expect_join(solution, labels, features, expected=expected)
