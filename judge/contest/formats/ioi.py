"""IOI: partial credit per problem from the edge-case categories passed, best per category, no penalty.

A problem's score is its points times the share of its categories passed,
where a category counts as passed when any judged attempt passed it (the
union over attempts: IOI's "maximum score for each subtask across all
submissions", as DMOJ documents it). An accepted attempt passes them all.
Totals tie when equal; nothing breaks the tie. docs/contests.md.
"""

from __future__ import annotations

from collections.abc import Sequence

from judge.contest.formats.pass_fail import counts_as_try
from judge.contest.formats.ranking import (
    PenaltyUnit,
    Row,
    attempts_by_participant,
    pending_before,
    points_of,
    ranked,
)
from judge.contest.model import Attempt, ContestRules, ProblemCell, Standing

DECIMALS = 2  # scores are shown and compared to the hundredth, so 100/3 + 200/3 ties with 100


class IoiFormat:
    name = "ioi"
    description = "partial credit per problem from categories passed, best per category across attempts, no penalty"
    scores_points = True
    penalty_unit: PenaltyUnit = None  # no penalty at all

    def standings(self, rules: ContestRules, attempts: Sequence[Attempt]) -> list[Standing]:
        table = attempts_by_participant(rules, attempts)
        return ranked([self._row(rules, who, per_problem) for who, per_problem in table.items()])

    def _row(self, rules: ContestRules, participant: str, per_problem: dict[str, list[Attempt]]) -> Row:
        cells = {problem: _cell(problem, tries, points_of(rules, problem)) for problem, tries in per_problem.items()}
        total = round(sum(cell.score for cell in cells.values()), DECIMALS)
        return Row(participant, total, 0, cells, order=(-total,))


def _cell(problem: str, attempts: list[Attempt], points: int) -> ProblemCell:
    """Walks the attempts in order, keeping the union of categories passed and when the score last rose."""
    passed: frozenset[str] = frozenset()
    share, raised_at, full_at_attempt = 0.0, None, None
    tried = [a for a in attempts if counts_as_try(a)]  # penalty-free verdicts prove nothing about categories
    for attempt in tried:
        passed |= attempt.categories_passed
        new_share = 1.0 if attempt.accepted else _share(passed, attempt.categories_total)
        if new_share > share:
            share, raised_at = new_share, attempt.at_s
            if share >= 1.0:
                full_at_attempt = attempt
    return ProblemCell(
        problem=problem,
        score=round(points * share, DECIMALS),
        solved=full_at_attempt is not None,
        tries=len(tried),
        penalty_s=0,
        solved_at_s=raised_at,
        pending=pending_before(attempts, lambda a: a is full_at_attempt),
    )


def _share(passed: frozenset[str], total: int) -> float:
    return min(len(passed) / total, 1.0) if total else 0.0


FORMAT = IoiFormat()
