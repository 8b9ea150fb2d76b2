"""The postmortem of a round: what happened, in order, and where the time went.

Built from the log alone (each submission's stored JSON report), for one
participant: the timeline of submissions, per problem the time to the first
submission and to accepted, every rejected try with the edge-case category it
failed and the smallest failing input, the complexity reached against the one
expected, and the points the scoring format gave. Verdicts held by `hidden`
feedback stay held until the round is over.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from judge.contest.model import Standing
from judge.contest.store import ContestRecord, Submission
from judge.verdicts import Verdict


@dataclass(frozen=True)
class TimelineEntry:
    id: int
    at_s: float
    problem: str
    try_number: int
    verdict: Verdict | None  # None: not judged yet, or held until the end
    categories: str  # "5/7" edge-case categories passed, "" when unknown


@dataclass(frozen=True)
class WrongTry:
    id: int
    at_s: float
    problem: str
    verdict: Verdict
    category: str  # the first failing edge-case category, "" when no test ran
    test: str
    smallest_input: str | None
    expected: str | None
    actual: str | None
    message: str


@dataclass(frozen=True)
class Complexity:
    axis: str  # "time" or "memory"
    reached: str | None
    expected: str
    within: bool | None


@dataclass
class ProblemSummary:
    problem: str
    tries: int = 0
    first_submission_s: float | None = None
    accepted_s: float | None = None
    wrong: list[WrongTry] = field(default_factory=list)
    complexity: list[Complexity] = field(default_factory=list)
    points: str = ""  # the scoring format's cell, as the scoreboard shows it


@dataclass
class Postmortem:
    record: ContestRecord
    participant: str
    visible: bool  # verdicts are shown (False while `hidden` feedback holds them)
    timeline: list[TimelineEntry]
    problems: list[ProblemSummary]
    standing: Standing | None
    now: float  # when it was made: a running round's postmortem is a progress report


def build_postmortem(record: ContestRecord, log: Sequence[Submission], participant: str, now: float,
                     standing: Standing | None, visible: bool, cell_labels: dict[str, str]) -> Postmortem:
    start = record.started_at or 0.0
    mine = [item for item in log if item.participant == participant]
    summaries = {slug: ProblemSummary(slug, points=cell_labels.get(slug, "")) for slug in record.rules.problems}
    timeline = []
    for item in mine:
        summary = summaries.setdefault(item.problem, ProblemSummary(item.problem))
        at_s = item.submitted_at - start
        verdict = item.verdict if visible else None
        summary.tries += 1
        timeline.append(TimelineEntry(item.id, at_s, item.problem, summary.tries, verdict, _categories(item, visible)))
        _add_outcome(summary, item, at_s, verdict)
    return Postmortem(record, participant, visible, timeline, list(summaries.values()), standing, now)


def _add_outcome(summary: ProblemSummary, item: Submission, at_s: float, verdict: Verdict | None) -> None:
    if summary.first_submission_s is None:
        summary.first_submission_s = at_s
    if verdict is None:
        return
    if verdict is Verdict.ACCEPTED:
        if summary.accepted_s is None:
            summary.accepted_s = at_s
        summary.complexity = _complexity(item.report or {}) or summary.complexity
    elif summary.accepted_s is None:
        summary.wrong.append(_wrong_try(item, at_s, verdict))


def _categories(item: Submission, visible: bool) -> str:
    if not visible or not item.judged or not item.categories_total:
        return ""
    return f"{len(item.categories_passed)}/{item.categories_total}"


def _wrong_try(item: Submission, at_s: float, verdict: Verdict) -> WrongTry:
    report = item.report or {}
    failing = next((case for case in report.get("cases") or [] if case.get("verdict") != "accepted"), None)
    if failing is None:  # rejected before any test ran (compile error, import crash) or stopped for time
        message = (report.get("message") or "").strip().splitlines()
        return WrongTry(item.id, at_s, item.problem, verdict, "", "", None, None, None, message[0] if message else "")
    return WrongTry(item.id, at_s, item.problem, verdict, failing.get("category", ""), failing.get("name", ""),
                    failing.get("counterexample"), failing.get("expected"), failing.get("actual"),
                    failing.get("message", ""))


def _complexity(report: dict[str, Any]) -> list[Complexity]:
    measured = report.get("complexity") or {}
    axes = []
    for axis in ("time", "memory"):
        fit = measured.get(axis)
        if fit:
            axes.append(Complexity(axis, fit.get("measured"), fit.get("expected", "?"), fit.get("within_expected")))
    return axes
