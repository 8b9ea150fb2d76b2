"""What every scoring format shares: reading the log per participant and problem, and ranking.

A format decides what one participant's attempts on one problem are worth (a
`ProblemCell`) and how rows compare; the walking of the log, the shared
ranks and the first-to-solve marks are the same for all of them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Literal

from judge.contest.model import Attempt, ContestRules, ProblemCell, Standing

DEFAULT_POINTS = 100
SECONDS_PER_MINUTE = 60

# How a format's penalty reads: whole minutes, exact seconds, or no penalty at all.
PenaltyUnit = Literal["minute", "second"] | None


def points_of(rules: ContestRules, problem: str) -> int:
    """A problem's full points: rules.points when given, DEFAULT_POINTS otherwise."""
    return rules.points.get(problem, DEFAULT_POINTS)


def whole_minutes(seconds: float) -> int:
    """Minutes as contest systems count them: rounded down, so 59.9 s is minute 0."""
    return int(seconds // SECONDS_PER_MINUTE)


def empty_cell(problem: str) -> ProblemCell:
    return ProblemCell(problem=problem, score=0, solved=False, tries=0, penalty_s=0)


def attempts_by_participant(rules: ContestRules, attempts: Sequence[Attempt]) -> dict[str, dict[str, list[Attempt]]]:
    """participant -> problem -> attempts in submission (id) order.

    Every participant who made an attempt gets an entry for every problem of
    the contest. Attempts on a problem the contest does not have are left
    out: the rules say which columns exist, and one stray row must not break
    the whole scoreboard.
    """
    table: dict[str, dict[str, list[Attempt]]] = {}
    for attempt in sorted(attempts, key=lambda a: a.id):
        row = table.setdefault(attempt.participant, {problem: [] for problem in rules.problems})
        if attempt.problem in row:
            row[attempt.problem].append(attempt)
    return table


@dataclass(frozen=True)
class Row:
    """A participant's cells and totals before ranking; `order` is what the format sorts by (lower first)."""

    participant: str
    score: float
    penalty_s: float
    cells: dict[str, ProblemCell]
    order: tuple[float, ...]


def ranked(rows: list[Row]) -> list[Standing]:
    """Best first; rows with equal `order` share a rank and the next ranks are skipped (1, 1, 3).

    Tied rows are listed by participant name so the board reads the same every time.
    """
    rows = sorted(rows, key=lambda row: (row.order, row.participant))
    standings: list[Standing] = []
    for position, row in enumerate(rows, start=1):
        tied_with_previous = position > 1 and rows[position - 2].order == row.order
        rank = standings[-1].rank if tied_with_previous else position
        standings.append(Standing(rank, row.participant, row.score, row.penalty_s, row.cells))
    return mark_first_to_solve(standings)


def mark_first_to_solve(standings: list[Standing]) -> list[Standing]:
    """Marks, per problem, the solved cells with the earliest solve time.

    Times are each participant's own seconds since their start, compared
    exactly (not in whole minutes). Equal times all get the mark: attempt ids
    only order arrival at the store, which says nothing about who was faster
    when participants started at different moments.
    """
    earliest: dict[str, float] = {}
    for standing in standings:
        for problem, cell in standing.cells.items():
            if cell.solved and cell.solved_at_s is not None:
                earliest[problem] = min(earliest.get(problem, cell.solved_at_s), cell.solved_at_s)
    return [replace(s, cells={p: _with_first_mark(c, earliest) for p, c in s.cells.items()}) for s in standings]


def _with_first_mark(cell: ProblemCell, earliest: dict[str, float]) -> ProblemCell:
    first = cell.solved and cell.solved_at_s is not None and cell.solved_at_s == earliest.get(cell.problem)
    return replace(cell, first_to_solve=first)


def pending_before(attempts: list[Attempt], decided: Callable[[Attempt], bool]) -> int:
    """Pending attempts that could still change the cell: those before the first deciding attempt.

    (The ICPC contest control system requirements: a problem is pending only
    if no earlier submission was accepted.)
    """
    pending = 0
    for attempt in attempts:
        if decided(attempt):
            break
        pending += attempt.verdict is None
    return pending
