"""What hidden tests import (re-exported as `judge.testing`).

Tests talk to the solution only through the `solution` fixture (a proxy) and
state expectations with these helpers. A failed expectation raises
WrongAnswer, an AssertionError, so Hypothesis shrinks it to the smallest input.
"""

from __future__ import annotations

import contextlib
import itertools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import pytest

from judge.harness.kept_data import kept
from judge.harness.proxy import CpuBudget, InstanceProxy, SolutionProxy, encoded as _encoded
from judge.harness.render import render_call, render_value
from judge.sandbox import wire
from judge.sandbox.client import SolutionRaised
from judge.sandbox.wire import NdArray, Opaque, Rng, Stream

__all__ = [
    "AfterCall", "NdArray", "Opaque", "Rng", "Stream", "WrongAnswer",
    "attribute", "call_and_arguments", "category", "cpu_budget", "expect", "expect_equal", "expect_raises", "fail",
    "kept", "method_and_arguments", "warnings_as_errors",
]

_MISSING = object()


class WrongAnswer(AssertionError):
    """The solution answered, and the answer breaks the contract."""

    def __init__(self, message: str, expected: Any = _MISSING, actual: Any = _MISSING) -> None:
        super().__init__(message)
        self.message = message
        self.expected = None if expected is _MISSING else render_value(expected)
        self.actual = None if actual is _MISSING else render_value(actual)


def category(name: str) -> pytest.MarkDecorator:
    """Groups a hidden test under an edge-case category in the report."""
    return pytest.mark.judge_category(name)


def fail(message: str, *, expected: Any = _MISSING, actual: Any = _MISSING) -> None:
    raise WrongAnswer(message, expected, actual)


def expect(condition: bool, message: str, *, expected: Any = _MISSING, actual: Any = _MISSING) -> None:
    if not condition:
        raise WrongAnswer(message, expected, actual)


def expect_equal(actual: Any, expected: Any, message: str = "") -> None:
    """Equality that also tells True from 1: a bool is only equal to a bool."""
    if not same(actual, expected):
        raise WrongAnswer(message or "the result differs from the expected one", expected, actual)


def same(actual: Any, expected: Any) -> bool:
    if isinstance(actual, bool) != isinstance(expected, bool):
        return False
    if isinstance(expected, (list, tuple)) and isinstance(actual, (list, tuple)):
        if type(actual) is not type(expected) or len(actual) != len(expected):
            return False
        if _plain(actual) and _plain(expected):  # no bool, list or tuple inside: == says it all
            return bool(actual == expected)
        if _plain_rows(actual) and _plain_rows(expected):  # idem one level down (buckets, rows)
            return bool(actual == expected)
        return all(same(a, e) for a, e in zip(actual, expected))
    return bool(actual == expected)


_PLAIN_ITEMS = frozenset({str, int, float, type(None)})


def _plain(items: Iterable[Any]) -> bool:
    """True when every item is exactly a str, int, float or None (large results mostly are)."""
    return set(map(type, items)) <= _PLAIN_ITEMS


def _plain_rows(items: list | tuple) -> bool:
    """True when every item is exactly a list (or every one a tuple) of plain items: checked in
    one pass, where comparing row by row costs a call per row (28,000 rows: 25 ms)."""
    return len(set(map(type, items))) == 1 and type(items[0]) in (list, tuple) and \
        _plain(itertools.chain.from_iterable(items))


@contextlib.contextmanager
def cpu_budget(solution: SolutionProxy, seconds: float) -> Iterator[None]:
    """The solution's calls inside the block may use at most `seconds` of CPU in total.

    Going over is a time_limit_exceeded for the case, like the per-call limit.
    """
    solution.cpu_budget = CpuBudget(seconds)
    try:
        yield
    finally:
        solution.cpu_budget = None


@contextlib.contextmanager
def expect_raises(*exception_types: type[BaseException], match: str | None = None) -> Iterator[None]:
    """The solution must raise one of these (a subclass is fine) inside the block; with `match`, a
    regular expression that its message must contain (re.search), e.g. the index of a bad row."""
    names = " or ".join(t.__name__ for t in exception_types)
    try:
        yield
    except SolutionRaised as raised:
        if not any(raised.error.is_instance_of(t) for t in exception_types):
            raise WrongAnswer(f"expected {names}, but the solution raised {raised.error.summary()}") from None
        if match is not None and re.search(match, raised.error.message) is None:
            raise WrongAnswer(f"the {raised.error.type} must say {match!r} in its message",
                              expected=match, actual=raised.error.message) from None
        return
    raise WrongAnswer(f"expected {names}, but the call returned normally")


@dataclass(frozen=True)
class AfterCall:
    """What a call returned, and its arguments as the solution left them."""

    value: Any
    args: list
    kwargs: dict


def call_and_arguments(solution: SolutionProxy, name: str, *args: Any, **kwargs: Any) -> AfterCall:
    """Calls the solution's function `name`; also returns its arguments as they are after the call.

    Arguments are built afresh in the sandbox for every call, so an argument the
    solution modifies in place is only visible this way (NumPy arrays come back
    as lists). Raises like a plain `solution.name(...)` call.
    """
    message = {"op": "call", "name": name, "report_args": True, **_encoded(args, kwargs)}
    return _after_call(solution.send(render_call(name, args, kwargs), message))


def method_and_arguments(instance: InstanceProxy, name: str, *args: Any, **kwargs: Any) -> AfterCall:
    """`call_and_arguments` for a method of an instance the solution made (`model.fit(X, y)`)."""
    message = {"op": "method", "handle": instance._handle.id, "name": name, "report_args": True,
               **_encoded(args, kwargs)}
    after = _after_call(instance._owner.send(render_call(f"{instance!r}.{name}", args, kwargs), message))
    if isinstance(after.value, wire.Handle):  # `fit` returning self returns the same proxy, as a plain call does
        return AfterCall(instance._owner.instance_of(after.value), after.args, after.kwargs)
    return after


def attribute(instance: InstanceProxy, name: str) -> Any:
    """`instance.NAME` as the solution's object holds it (`model.coef_`): the proxy forwards
    method calls only, so attributes are read with this."""
    message = {"op": "method", "handle": instance._handle.id, "name": "__getattribute__", **_encoded((name,), {})}
    return instance._owner.send(f"{instance!r}.{name}", message)


def _after_call(reply: Any) -> AfterCall:
    if not (isinstance(reply, dict) and set(reply) == {"value", "args", "kwargs"}):
        raise RuntimeError("the worker does not support report_args")  # a judge bug: internal_error
    return AfterCall(reply["value"], reply["args"], reply["kwargs"])


@contextlib.contextmanager
def warnings_as_errors(solution: SolutionProxy, *categories: str) -> Iterator[None]:
    """Inside the block, the solution's calls raise these built-in warning classes as exceptions.

    E.g. `warnings_as_errors(solution, "RuntimeWarning")`: a NumPy overflow in
    the solution then fails the call like any exception (runtime_error), with
    the solution's traceback. Only the calls made inside the block are affected.
    """
    previous = solution.request_fields
    solution.request_fields = {**previous, "warnings_as_errors": list(categories)}
    try:
        yield
    finally:
        solution.request_fields = previous
