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
from judge.grade.discovery import Discovery
from judge.grade.pool import CellOutcome

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

    @property
    def accepted(self) -> bool:
        return self.verdict == "accepted"

    def to_dict(self) -> dict[str, Any]:
        data = {k: v for k, v in self.__dict__.items() if k != "failures"}
        data["duration_s"] = round(self.duration_s, 3)
        data["failures"] = [f.to_dict() for f in self.failures]
        return data


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
            "judge_version": __version__,
            "root": str(self.root),
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
                    interrupted_by: str | None = None) -> Gradebook:
    """The gradebook of a batch, cells in member then problem order whatever order they finished in."""
    order = {(s.member, s.slug): i for i, s in enumerate(found.submissions)}
    cells = [make_cell(o) for o in sorted(outcomes, key=lambda o: order[(o.submission.member, o.submission.slug)])]
    done = {(c.member, c.problem) for c in cells}
    return Gradebook(
        root=found.root, members=found.members, problems=found.problems, cells=cells,
        not_graded=[{"member": n.member, "path": str(n.path), "reason": n.reason} for n in found.not_graded],
        missing=[{"member": m, "problem": p} for m, p in found.missing],
        pending=[{"member": s.member, "problem": s.slug, "solution": str(s.path)}
                 for s in found.submissions if (s.member, s.slug) not in done],
        settings=settings, interrupted_by=interrupted_by,
    )


def make_cell(outcome: CellOutcome) -> Cell:
    """One cell from its run. Partial credit: the share of edge-case categories passed."""
    submission, report = outcome.submission, outcome.report or {}
    passed, total = _categories(report.get("cases") or [])
    if outcome.verdict == "accepted":
        points = submission.points
    else:
        points = round(submission.points * passed / total, 2) if total else 0.0
    complexity = report.get("complexity")
    return Cell(
        member=submission.member, problem=submission.slug, solution=str(submission.path),
        verdict=outcome.verdict, points=points, max_points=submission.points,
        categories_passed=passed, categories_total=total, complexity=_complexity_summary(complexity),
        complexity_worse=bool(complexity and complexity.get("worse_than_expected")),
        duration_s=outcome.duration_s, message=outcome.message,
        failures=_failures(report.get("cases") or []), report=outcome.report, cached=outcome.cached,
    )


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
