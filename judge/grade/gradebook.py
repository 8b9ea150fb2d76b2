"""The gradebook: one model of a batch that every rendering reads (docs/grading.md).

Per member and problem: the verdict, points, edge-case categories passed,
measured complexity against the expected, duration and message; totals per
member. Built from the discovery and the cells' `judge run` reports only.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from judge import __version__
from judge.grade.discovery import Discovery, Submission
from judge.grade.pool import CellOutcome
from judge.grade.roster import Roster

SCHEMA_VERSION = 1


@dataclass(frozen=True)
class Failure:
    """The first failing hidden test of one edge-case category, with its smallest input."""

    category: str
    test: str
    verdict: str
    message: str
    counterexample: str | None
    expected: str | None
    actual: str | None

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass(frozen=True)
class Cell:
    member: str
    problem: str
    solution: str
    verdict: str
    points: float
    max_points: float
    categories_passed: int
    categories_total: int
    complexity: dict[str, Any] | None  # axis -> expected, measured, within_expected
    complexity_worse: bool
    duration_s: float
    message: str
    failures: tuple[Failure, ...]
    report: dict[str, Any] | None  # the whole `judge run` JSON report
    cached: bool = False  # the report came from the cache, not from a run of this batch
    late: bool = False  # handed in after its week's due date
    due: str | None = None  # the week's due date (ISO 8601, UTC), when the group file sets weeks
    handed_in: str | None = None  # when the file was handed in (ISO 8601, UTC), when there is a due date
    handed_in_from: str | None = None  # "git" (its last commit) or "mtime" (git does not hold it)

    @property
    def accepted(self) -> bool:
        return self.verdict == "accepted"

    def to_dict(self) -> dict[str, Any]:
        data = {k: v for k, v in self.__dict__.items() if k != "failures"}
        data["duration_s"] = round(self.duration_s, 3)
        data["failures"] = [f.to_dict() for f in self.failures]
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Cell:
        """A cell read back from a gradebook's JSON (judge grade merge)."""
        fields = {k: data[k] for k in cls.__dataclass_fields__ if k in data and k != "failures"}
        return cls(**fields, failures=tuple(Failure(**f) for f in data.get("failures", [])))


@dataclass(frozen=True)
class MemberTotal:
    member: str
    points: float
    max_points: float
    accepted: int
    graded: int

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass
class Gradebook:
    root: Path
    members: list[str]
    problems: list[str]
    cells: list[Cell]
    not_graded: list[dict[str, str]] = field(default_factory=list)
    missing: list[dict[str, str]] = field(default_factory=list)
    pending: list[dict[str, str]] = field(default_factory=list)  # not judged: the batch was stopped
    settings: dict[str, Any] = field(default_factory=dict)
    interrupted_by: str | None = None
    tree: str | None = None  # fingerprint of the files graded (judge/grade/shards.py), to merge shards safely
    judge_version: str = __version__

    def __post_init__(self) -> None:
        self._index = {(c.member, c.problem): c for c in self.cells}

    def cell(self, member: str, problem: str) -> Cell | None:
        return self._index.get((member, problem))

    @property
    def has_internal_error(self) -> bool:
        """A cell the judge itself failed: a bug of ours, never a member's verdict."""
        return any(cell.verdict == "internal_error" for cell in self.cells)

    def members_under(self, score_percent: float) -> list[str]:
        """Members whose points are under this share of the points they could get."""
        return [t.member for t in self.totals() if t.max_points and 100 * t.points / t.max_points < score_percent]

    def totals(self) -> list[MemberTotal]:
        result = []
        for member in self.members:
            mine = [c for c in self.cells if c.member == member]
            result.append(MemberTotal(member, round(sum(c.points for c in mine), 2),
                                      sum(c.max_points for c in mine), sum(c.accepted for c in mine), len(mine)))
        return result

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema_version": SCHEMA_VERSION,
            "judge_version": self.judge_version,
            "root": str(self.root),
            "tree": self.tree,
            "settings": self.settings,
            "complete": self.interrupted_by is None,
            "interrupted_by": self.interrupted_by,
            "members": self.members,
            "problems": self.problems,
            "totals": [t.to_dict() for t in self.totals()],
            "cells": [c.to_dict() for c in self.cells],
            "not_graded": self.not_graded,
            "missing": self.missing,
            "pending": self.pending,
        }


def build_gradebook(found: Discovery, outcomes: list[CellOutcome], settings: dict[str, Any],
                    interrupted_by: str | None = None, tree: str | None = None) -> Gradebook:
    """The gradebook of a batch, cells in member then problem order whatever order they finished in."""
    order = cell_order(found.members, found.problems)
    cells = sorted((make_cell(o, found.roster) for o in outcomes), key=lambda c: order(c.member, c.problem))
    done = {(c.member, c.problem) for c in cells}
    return Gradebook(
        root=found.root, members=found.members, problems=found.problems, cells=cells,
        not_graded=[{"member": n.member, "path": str(n.path), "reason": n.reason} for n in found.not_graded],
        missing=[{"member": m, "problem": p} for m, p in found.missing],
        pending=[{"member": s.member, "problem": s.slug, "solution": str(s.path)}
                 for s in found.submissions if (s.member, s.slug) not in done],
        settings=settings, interrupted_by=interrupted_by, tree=tree,
    )


def cell_order(members: list[str], problems: list[str]) -> Any:
    """The sort key of the gradebook's cells: the row's position, then the column's (a merge
    of shards sorts by it too, so it must not depend on the order the cells were found in)."""
    rows = {m: i for i, m in enumerate(members)}
    columns = {p: i for i, p in enumerate(problems)}
    return lambda member, problem: (rows.get(member, len(rows)), columns.get(problem, len(columns)), problem)


def make_cell(outcome: CellOutcome, rules: Roster = Roster()) -> Cell:
    """One cell from its run. Partial credit: the share of edge-case categories passed; then the
    group's penalties: a complexity worse than expected, a late hand-in."""
    submission, report = outcome.submission, outcome.report or {}
    passed, total = _categories(report.get("cases") or [])
    complexity = report.get("complexity")
    worse = bool(complexity and complexity.get("worse_than_expected"))
    points = _points(outcome.verdict, submission, passed, total, worse, rules)
    return Cell(
        member=submission.member, problem=submission.slug, solution=str(submission.path),
        verdict=outcome.verdict, points=points, max_points=submission.points,
        categories_passed=passed, categories_total=total, complexity=_complexity_summary(complexity),
        complexity_worse=worse, duration_s=outcome.duration_s, message=outcome.message,
        failures=_failures(report.get("cases") or []), report=outcome.report, cached=outcome.cached,
        late=submission.late, due=_iso(submission.due),
        handed_in=_iso(submission.handed_in.at) if submission.handed_in else None,
        handed_in_from=submission.handed_in.source if submission.handed_in else None,
    )


def _points(verdict: str, submission: Submission, passed: int, total: int, worse: bool, rules: Roster) -> float:
    if verdict == "accepted":
        share = 1.0
    else:
        share = passed / total if total else 0.0
    if worse:
        share *= 1 - rules.complexity_penalty
    if submission.late:
        share *= rules.late_keeps
    return round(submission.points * share, 2)


def _iso(when: Any) -> str | None:
    return when.isoformat().replace("+00:00", "Z") if when is not None else None


def _categories(cases: list[dict[str, Any]]) -> tuple[int, int]:
    """(categories whose every test that ran passed, categories that ran)."""
    verdicts: dict[str, bool] = {}
    for case in cases:
        category = case.get("category", "")
        verdicts[category] = verdicts.get(category, True) and case.get("verdict") == "accepted"
    return sum(verdicts.values()), len(verdicts)


def _failures(cases: list[dict[str, Any]]) -> tuple[Failure, ...]:
    first: dict[str, Failure] = {}
    for case in cases:
        category = case.get("category", "")
        if case.get("verdict") != "accepted" and category not in first:
            first[category] = Failure(category, case.get("name", ""), case.get("verdict", ""),
                                      case.get("message", ""), case.get("counterexample"),
                                      case.get("expected"), case.get("actual"))
    return tuple(first.values())


def _complexity_summary(complexity: dict[str, Any] | None) -> dict[str, Any] | None:
    if not complexity:
        return None
    summary = {}
    for axis in ("time", "memory"):
        data = complexity.get(axis)
        if data:
            summary[axis] = {k: data.get(k) for k in ("expected", "measured", "within_expected")}
    return summary
