"""Hidden properties of `precision_recall_f1`: the contract in spec.md, rule by rule.

Small inputs are checked against the definitions themselves, computed with
fractions label by label (TP, FP and FN counted from the samples for every
label), so the oracle shares no shortcut with a one-pass solution. Every
expected float is a ratio of small integers, or a mean of such ratios: any
correct float64 formula lands within 1e-9 of it.

Label alphabets are chosen so that the orders a candidate might use by
mistake differ from plain sorted order: ints 2 and 10 (sorted as strings,
"10" < "2"), negative ints, strings with capitals ("B" < "a"), digits and an
empty string.
"""

from __future__ import annotations

import random
from fractions import Fraction

from hypothesis import given, settings, strategies as st

from judge.testing import category, expect, expect_equal, expect_raises, fail, kept

TOLERANCE = 1e-9
KEYS = {"labels", "precision", "recall", "f1", "support", "macro", "micro"}
INT_LABELS = [-3, 0, 1, 2, 10, 11]
STR_LABELS = ["a", "b", "B", "10", "2", "", "é", "cat"]
SHAPE_EXAMPLES = 12
# P x C is 2.5e9 here: rescanning per label is far over the time limit, and a
# dense C x C confusion matrix far over the memory limit.
LARGE_SAMPLES, LARGE_LABELS = 100_000, 25_000


@st.composite
def samples(draw: st.DrawFn, alphabet: list | None = None, min_size: int = 1, max_size: int = 14) -> tuple[list, list]:
    """(y_true, y_pred) of one length, labels all ints or all strs."""
    if alphabet is None:
        alphabet = draw(st.sampled_from([INT_LABELS, STR_LABELS]))
    n = draw(st.integers(min_size, max_size))
    labels = st.sampled_from(alphabet)
    return draw(st.lists(labels, min_size=n, max_size=n)), draw(st.lists(labels, min_size=n, max_size=n))


# --- the oracle: the definitions, exactly -------------------------------------------


def _ratio(a: int, b: int) -> Fraction:
    return Fraction(a, b) if b else Fraction(0)


def _expected(y_true: list, y_pred: list) -> dict:
    labels = sorted(set(y_true) | set(y_pred))
    report = {"labels": labels, "precision": [], "recall": [], "f1": [], "support": []}
    totals = [0, 0, 0]
    for c in labels:
        tp = sum(1 for t, p in zip(y_true, y_pred) if t == p == c)
        fp = sum(1 for t, p in zip(y_true, y_pred) if p == c != t)
        fn = sum(1 for t, p in zip(y_true, y_pred) if t == c != p)
        report["precision"].append(_ratio(tp, tp + fp))
        report["recall"].append(_ratio(tp, tp + fn))
        report["f1"].append(_ratio(2 * tp, 2 * tp + fp + fn))
        report["support"].append(tp + fn)
        totals = [totals[0] + tp, totals[1] + fp, totals[2] + fn]
    report["macro"] = [sum(report[k], Fraction(0)) / len(labels) for k in ("precision", "recall", "f1")]
    tp, fp, fn = totals
    report["micro"] = [_ratio(tp, tp + fp), _ratio(tp, tp + fn), _ratio(2 * tp, 2 * tp + fp + fn)]
    return _rounded(report)


def _rounded(report: dict) -> dict:
    """The exact fractions as their nearest floats (off by 1e-16 at most: far inside the tolerance)."""
    for key in ("precision", "recall", "f1", "macro", "micro"):
        report[key] = [float(v) for v in report[key]]
    return report


# --- checking a report ---------------------------------------------------------------


def _number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _expect_floats(actual: object, expected: list, what: str, labels: list) -> None:
    expect(isinstance(actual, list) and len(actual) == len(expected),
           f'"{what}" must be a list (or 1-D array) with one float per label, in the order of "labels"',
           expected=expected, actual=actual)
    for label, got, want in zip(labels, actual, expected):
        if not (_number(got) and abs(got - want) <= TOLERANCE):
            fail(f'"{what}" of label {label!r}', expected=want, actual=got)


def _expect_triple(actual: object, expected: list, what: str) -> None:
    expect(isinstance(actual, (tuple, list)) and len(actual) == 3,
           f'"{what}" must be a (precision, recall, f1) triple', actual=actual)
    for name, got, want in zip(("precision", "recall", "f1"), actual, expected):
        if not (_number(got) and abs(got - want) <= TOLERANCE):
            fail(f'{what} {name}', expected=float(want), actual=got)


def _check_report(report: object, expected: dict, parts: tuple[str, ...] = tuple(sorted(KEYS))) -> None:
    expect(isinstance(report, dict), "precision_recall_f1 must return a dict", actual=report)
    expect(set(report) == KEYS, f"the dict must have exactly the keys {sorted(KEYS)}", expected=sorted(KEYS),
           actual=sorted(map(repr, report)))
    labels = expected["labels"]
    expect_equal(report["labels"], labels, '"labels" must be the sorted distinct labels of y_true and y_pred')
    for key in ("precision", "recall", "f1"):
        if key in parts:
            _expect_floats(report[key], expected[key], key, labels)
    if "support" in parts:
        support = report["support"]
        ints = isinstance(support, list) and all(type(s) is int for s in support)
        expect(ints and support == expected["support"], '"support" must hold TP + FN of each label, as ints',
               expected=expected["support"], actual=support)
    for key in ("macro", "micro"):
        if key in parts:
            _expect_triple(report[key], expected[key], key)


def _check(solution, y_true: list, y_pred: list, parts: tuple[str, ...] = tuple(sorted(KEYS))) -> None:
    _check_report(solution.precision_recall_f1(y_true, y_pred), _expected(y_true, y_pred), parts)


# --- worked examples ---------------------------------------------------------------------


@category("examples")
def test_statement_examples(solution):
    _check(solution, ["cat", "dog", "cat", "bird"], ["cat", "cat", "cat", "dog"])
    _check(solution, [0, 1, 2, 2], [0, 2, 1, 2])
    _check(solution, [1, 1], [1, 1])


# --- labels ---------------------------------------------------------------------------------


@category("labels: sorted distinct labels of y_true and y_pred")
@given(data=samples())
def test_labels_are_the_sorted_union(solution, data):
    y_true, y_pred = data
    report = solution.precision_recall_f1(y_true, y_pred)
    expect(isinstance(report, dict) and "labels" in report, 'the result must be a dict with a "labels" key',
           actual=report)
    expect_equal(report["labels"], sorted(set(y_true) | set(y_pred)),
                 '"labels" must be the sorted distinct labels that occur in y_true or in y_pred')


@category("labels: sorted distinct labels of y_true and y_pred")
@given(alphabet=st.sampled_from([INT_LABELS, STR_LABELS]), data=st.data())
def test_label_only_predicted(solution, alphabet, data):
    # The last predictions use labels that never occur in y_true: they belong to
    # L too (precision 0, recall 0/0 = 0.0, support 0).
    y_true, y_pred = data.draw(samples(alphabet=alphabet[:4]))
    extra = data.draw(st.lists(st.sampled_from(alphabet[4:]), min_size=1, max_size=len(y_pred)))
    y_pred[len(y_pred) - len(extra):] = extra
    _check(solution, y_true, y_pred)


# --- per-label values --------------------------------------------------------------------------


@category("per-label precision, recall and F1")
@given(data=samples(alphabet=[0, 1, 2]))
def test_per_label_values(solution, data):
    _check(solution, *data, parts=("precision", "recall", "f1"))


@category("a zero denominator gives 0.0")
@given(data=samples(alphabet=[0, 1, 2, 3], max_size=5))
def test_zero_denominators(solution, data):
    # Few samples, several labels: many labels are never predicted (precision
    # 0/0) or never true (recall 0/0); F1's denominator is never 0 for a label
    # in L, since each occurs somewhere.
    _check(solution, *data, parts=("precision", "recall", "f1", "macro", "micro"))


@category("support = TP + FN")
@given(data=samples())
def test_support(solution, data):
    _check(solution, *data, parts=("support",))


# --- averages -----------------------------------------------------------------------------------


@category("macro: mean of the per-label values")
@given(data=samples(alphabet=[0, 1, 2], min_size=2))
def test_macro_average(solution, data):
    _check(solution, *data, parts=("macro",))


@category("micro: from the summed counts")
@given(data=samples())
def test_micro_average_equals_accuracy(solution, data):
    y_true, y_pred = data
    accuracy = Fraction(sum(1 for t, p in zip(y_true, y_pred) if t == p), len(y_true))
    report = solution.precision_recall_f1(y_true, y_pred)
    expect(isinstance(report, dict) and "micro" in report, 'the result must be a dict with a "micro" key',
           actual=report)
    _expect_triple(report["micro"], [accuracy] * 3, "micro (with one label per sample, all three equal the accuracy)")


# --- the whole report ---------------------------------------------------------------------------


@category("the whole report")
@given(data=samples(max_size=20))
def test_whole_report(solution, data):
    _check(solution, *data)


@category("the whole report")
@given(n=st.integers(1, 6), label=st.sampled_from(INT_LABELS + STR_LABELS))
def test_one_label_everywhere(solution, n, label):
    _check(solution, [label] * n, [label] * n)


# --- errors ---------------------------------------------------------------------------------------


@category("lengths differ: ValueError")
@settings(max_examples=SHAPE_EXAMPLES)
@given(data=samples(min_size=0), change=st.integers(-3, 3).filter(bool))
def test_lengths_differ(solution, data, change):
    y_true, y_pred = data
    filler = y_true[:1] or [0]
    y_pred = (y_pred + filler * 3)[: max(0, len(y_pred) + change)]
    if len(y_pred) == len(y_true):  # only when y_true is empty and change < 0
        y_pred = filler
    with expect_raises(ValueError):
        solution.precision_recall_f1(y_true, y_pred)


@category("empty input: ValueError")
def test_empty_input(solution):
    with expect_raises(ValueError):
        solution.precision_recall_f1([], [])


# --- large input: time and memory ------------------------------------------------------------------


@kept
def _large() -> tuple[list[int], list[int], dict]:
    rng = random.Random(7)
    y_true = [rng.randrange(LARGE_LABELS) for _ in range(LARGE_SAMPLES)]
    y_pred = [t if rng.random() < 0.6 else rng.randrange(LARGE_LABELS) for t in y_true]
    return y_true, y_pred, _expected_fast(y_true, y_pred)


def _expected_fast(y_true: list, y_pred: list) -> dict:
    """_expected, with the counts taken in one pass (the same fractions)."""
    counts: dict = {}
    for t, p in zip(y_true, y_pred):
        counts.setdefault(t, [0, 0, 0])
        counts.setdefault(p, [0, 0, 0])
        if t == p:
            counts[t][0] += 1
        else:
            counts[p][1] += 1
            counts[t][2] += 1
    labels = sorted(counts)
    report = {"labels": labels, "precision": [], "recall": [], "f1": [], "support": []}
    for c in labels:
        tp, fp, fn = counts[c]
        report["precision"].append(_ratio(tp, tp + fp))
        report["recall"].append(_ratio(tp, tp + fn))
        report["f1"].append(_ratio(2 * tp, 2 * tp + fp + fn))
        report["support"].append(tp + fn)
    report["macro"] = [sum(report[k], Fraction(0)) / len(labels) for k in ("precision", "recall", "f1")]
    tp = sum(counts[c][0] for c in labels)
    fp = fn = len(y_true) - tp
    report["micro"] = [_ratio(tp, tp + fp), _ratio(tp, tp + fn), _ratio(2 * tp, 2 * tp + fp + fn)]
    return _rounded(report)


@category("large input: 100 000 samples, 25 000 labels")
def test_large_input(solution):
    y_true, y_pred, expected = _large()
    _check_report(solution.precision_recall_f1(y_true, y_pred), expected)
