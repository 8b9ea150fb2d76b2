"""ICPC: problems solved, then penalty minutes, then the minute of the last accepted attempt.

Follows the ICPC contest control system requirements (the rules DOMjudge
implements): contest time is whole minutes rounded down; a solved problem
costs the minute of its first accepted attempt plus 20 minutes per rejected
try before it; unsolved problems cost nothing. docs/contests.md.
"""

from __future__ import annotations

from collections.abc import Sequence

from judge.contest.formats.pass_fail import pass_fail_cell
from judge.contest.formats.ranking import (
    SECONDS_PER_MINUTE,
    PenaltyUnit,
    Row,
    attempts_by_participant,
    ranked,
    whole_minutes,
)
from judge.contest.model import Attempt, ContestRules, ProblemCell, Standing

PENALTY_PER_TRY_S = 20 * SECONDS_PER_MINUTE


class IcpcFormat:
    name = "icpc"
    description = "problems solved, then minutes to each accepted + 20 per rejected try before it"
    scores_points = False
    penalty_unit: PenaltyUnit = "minute"  # penalties are whole minutes

    def standings(self, rules: ContestRules, attempts: Sequence[Attempt]) -> list[Standing]:
        rows = [self._row(who, per_problem) for who, per_problem in attempts_by_participant(rules, attempts).items()]
        return ranked(rows)

    def _row(self, participant: str, per_problem: dict[str, list[Attempt]]) -> Row:
        cells = {problem: _cell(problem, tries) for problem, tries in per_problem.items()}
        solved = sum(1 for cell in cells.values() if cell.solved)
        penalty_s = sum(cell.penalty_s for cell in cells.values())
        last_accepted_min = max((whole_minutes(c.solved_at_s) for c in cells.values() if c.solved_at_s is not None), default=0)
        return Row(participant, solved, penalty_s, cells, order=(-solved, penalty_s, last_accepted_min))


def _cell(problem: str, attempts: list[Attempt]) -> ProblemCell:
    return pass_fail_cell(
        problem,
        attempts,
        score_when_solved=1,
        penalty_per_try_s=PENALTY_PER_TRY_S,
        solve_time_penalty=lambda at_s: whole_minutes(at_s) * SECONDS_PER_MINUTE,
    )


FORMAT = IcpcFormat()
