"""Failing cases grouped by what failed, so one bug is shown once.

Hypothesis shrinks every hidden test to its own smallest input, so one bug
(an off-by-one, a tie broken the wrong way) fails many tests, each with a
different input and often a message carrying its own numbers ("must return
min(k, n) = 1 items", "... = 2 items"). Two failing cases are the same failure
when (docs/decisions.md, "One panel per distinct failure"):

- both raised: the same exception type at the same line of the solution;
- otherwise, with the same verdict: the same check failed (the message with
  the values in it masked), or the same smallest input failed.

A group is shown by its case with the smallest input, and lists the
categories its cases broke.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from judge.harness.results import CaseResult
from judge.verdicts import Verdict

NOT_WRITTEN = "NotImplementedError"
# The values a message quotes: quoted text and numbers (ints, floats, exponents).
_QUOTED = re.compile(r"'[^'\n]*'|\"[^\"\n]*\"")
_NUMBER = re.compile(r"[-+]?\d[\d_,]*(?:\.\d+)?(?:[eE][-+]?\d+)?")
_FRAME = re.compile(r'File "[^"]*", line (\d+)')


@dataclass(frozen=True)
class FailureGroup:
    """Failing cases that are one failure, in run order."""

    cases: tuple[CaseResult, ...]

    @property
    def verdict(self) -> Verdict:
        return Verdict.worst(case.verdict for case in self.cases)

    @property
    def shown(self) -> CaseResult:
        """The case with the smallest failing input (the first one on a tie)."""
        return min(self.cases, key=lambda case: (case.counterexample is None, len(case.counterexample or "")))

    @property
    def categories(self) -> list[tuple[str, int]]:
        """Each category the group broke, with how many of its cases, in run order."""
        return list(Counter(case.category for case in self.cases).items())


def group_failures(cases: Iterable[CaseResult]) -> list[FailureGroup]:
    """The failing cases of a run, grouped; groups ordered by their first case."""
    cases = list(cases)
    groups: list[tuple[set[tuple], list[CaseResult]]] = []
    for case in cases:
        if case.verdict is Verdict.ACCEPTED:
            continue
        keys = failure_keys(case)
        matching = [group for group in groups if group[0] & keys]
        if not matching:
            groups.append((set(keys), [case]))
            continue
        first = matching[0]
        for other in matching[1:]:  # this case joins two groups: they were one failure
            first[0].update(other[0])
            first[1].extend(other[1])
            groups.remove(other)
        first[0].update(keys)
        first[1].append(case)
    order = {id(case): index for index, case in enumerate(cases)}
    return [FailureGroup(tuple(sorted(members, key=lambda case: order[id(case)]))) for _, members in groups]


def failure_keys(case: CaseResult) -> set[tuple]:
    """What identifies this case's failure; cases sharing any key are one failure."""
    if case.verdict is Verdict.RUNTIME_ERROR:
        return {("raised", raised_type(case), solution_line(case))}
    keys = {("check", case.verdict, mask_values(case.message))}
    if case.counterexample:
        keys.add(("input", case.verdict, case.counterexample))
    return keys


def mask_values(message: str) -> str:
    """The message with the values it quotes replaced, so one check reads the same for any input."""
    return _NUMBER.sub("#", _QUOTED.sub("…", message))


def raised_type(case: CaseResult) -> str:
    """The exception type of a runtime error ("ValueError" from "ValueError: bad n")."""
    return case.message.split(":", 1)[0].strip()


def solution_line(case: CaseResult) -> int | None:
    """The line of the solution where the exception was raised: its innermost frame."""
    lines = [int(found) for found in _FRAME.findall("\n".join(case.traceback))]
    return lines[-1] if lines else None


def not_written(cases: Iterable[CaseResult]) -> bool:
    """True when something failed and every failure is the starter's `raise NotImplementedError`."""
    failing = [case for case in cases if case.verdict is not Verdict.ACCEPTED]
    return bool(failing) and all(_raised_not_implemented(case) for case in failing)


def raising_line(cases: Iterable[CaseResult]) -> int | None:
    """The solution's line the first runtime error was raised at, if any case says."""
    lines = (solution_line(case) for case in cases if case.verdict is Verdict.RUNTIME_ERROR)
    return next((line for line in lines if line is not None), None)


def _raised_not_implemented(case: CaseResult) -> bool:
    if case.verdict is Verdict.RUNTIME_ERROR:
        return raised_type(case) == NOT_WRITTEN
    # expect_raises(TypeError) meeting the starter: "expected TypeError, but the solution raised NotImplementedError"
    return case.verdict is Verdict.WRONG_ANSWER and f"the solution raised {NOT_WRITTEN}" in case.message
