"""expect_equal, as hidden tests use it: equality that tells True from 1 and a list from a tuple at any
depth, whichever shortcut a large result takes (flat lists, rows of plain items)."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, strategies as st

from judge.harness.api import same
from judge.testing import WrongAnswer, expect_equal


def _strictly_equal(actual: Any, expected: Any) -> bool:
    """The rule written plainly: one comparison per item, all the way down."""
    if isinstance(actual, bool) != isinstance(expected, bool):
        return False
    if isinstance(expected, (list, tuple)) and isinstance(actual, (list, tuple)):
        return type(actual) is type(expected) and len(actual) == len(expected) and \
            all(_strictly_equal(a, e) for a, e in zip(actual, expected))
    return bool(actual == expected)


LEAVES = st.one_of(st.none(), st.booleans(), st.integers(-2, 2), st.sampled_from([0.0, 1.0, 2.5]), st.sampled_from("ab"))
VALUES = st.recursive(LEAVES, lambda inner: st.lists(inner, max_size=4) | st.lists(inner, max_size=4).map(tuple),
                      max_leaves=12)


@given(VALUES, VALUES)
def test_same_is_strict_equality_at_every_depth(actual, expected):
    assert same(actual, expected) == _strictly_equal(actual, expected)


@given(VALUES)
def test_a_value_differs_from_its_copy_with_a_bool_for_an_int(value):
    swapped = _swap_first_int(value)
    if swapped is not None:
        assert not same(swapped, value) and not same(value, swapped)


def _swap_first_int(value: Any) -> Any:
    """`value` with its first 0 or 1 (an int, not a bool) made False or True; None when it has none."""
    if type(value) is int and value in (0, 1):
        return bool(value)
    if isinstance(value, (list, tuple)):
        for index, item in enumerate(value):
            swapped = _swap_first_int(item)
            if swapped is not None:
                items = list(value)
                items[index] = swapped
                return type(value)(items)
    return None


@pytest.mark.parametrize(("actual", "expected", "equal"), [
    ([["a", "b"], ["c"]] * 1000, [["a", "b"], ["c"]] * 1000, True),  # rows of plain items: one comparison
    ([["a", 1]] * 999 + [["a", True]], [["a", 1]] * 1000, False),  # a bool in the last row
    ([["a"]] * 999 + [("a",)], [["a"]] * 1000, False),  # a tuple for a list in the last row
    ([("a",), ("b",)], [("a",), ("b",)], True),
    ([1.0, 2], [1, 2.0], True),  # numbers compare by value, as == does
])
def test_large_results_take_the_shortcut_and_keep_the_rule(actual, expected, equal):
    assert same(actual, expected) is equal
    if not equal:
        with pytest.raises(WrongAnswer):
            expect_equal(actual, expected)


def _raising(type_name: str, message: str):
    from judge.sandbox.client import RemoteError, SolutionRaised

    raise SolutionRaised(RemoteError(type_name, [f"builtins.{type_name}", "builtins.Exception"], message))


def test_expect_raises_with_match_reads_the_message():
    from judge.testing import expect_raises

    with expect_raises(ValueError, match=r"\b3\b"):
        _raising("ValueError", "event 3 has no offset")
    with pytest.raises(WrongAnswer, match="must say"):
        with expect_raises(ValueError, match=r"\b3\b"):
            _raising("ValueError", "event 13 has no offset")
    with pytest.raises(WrongAnswer, match="expected ValueError"):
        with expect_raises(ValueError, match="3"):
            _raising("TypeError", "3")
