"""LeetCode: points, then finish time = last accepted + 5 minutes per wrong submission.

A problem's points count once it is accepted; each rejected try before its
first accepted attempt adds 5 minutes; tries on a problem never solved cost
nothing. Times are exact seconds. docs/contests.md.
"""

from __future__ import annotations

from collections.abc import Sequence

from judge.contest.formats.pass_fail import pass_fail_cell
from judge.contest.formats.ranking import (
    SECONDS_PER_MINUTE,
    PenaltyUnit,
    Row,
    attempts_by_participant,
    points_of,
    ranked,
)
from judge.contest.model import Attempt, ContestRules, Standing

PENALTY_PER_TRY_S = 5 * SECONDS_PER_MINUTE


class LeetCodeFormat:
    name = "leetcode"
    description = "points, then finish time: last accepted + 5 minutes per wrong submission"
    scores_points = True
    penalty_unit: PenaltyUnit = "second"  # finish time to the second

    def standings(self, rules: ContestRules, attempts: Sequence[Attempt]) -> list[Standing]:
        table = attempts_by_participant(rules, attempts)
        return ranked([self._row(rules, who, per_problem) for who, per_problem in table.items()])

    def _row(self, rules: ContestRules, participant: str, per_problem: dict[str, list[Attempt]]) -> Row:
        cells = {
            problem: pass_fail_cell(
                problem,
                tries,
                score_when_solved=points_of(rules, problem),
                penalty_per_try_s=PENALTY_PER_TRY_S,
                solve_time_penalty=lambda at_s: 0,
            )
            for problem, tries in per_problem.items()
        }
        score = sum(cell.score for cell in cells.values())
        last_accepted_s = max((c.solved_at_s for c in cells.values() if c.solved_at_s is not None), default=0)
        finish_s = last_accepted_s + sum(cell.penalty_s for cell in cells.values())
        return Row(participant, score, finish_s, cells, order=(-score, finish_s))


FORMAT = LeetCodeFormat()
