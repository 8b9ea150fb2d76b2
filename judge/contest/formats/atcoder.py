"""AtCoder: sum of best scores, then the time of the last score raise + 5 minutes per incorrect try.

AtCoder's rule: the penalty is the time spent to reach the current score plus
5 minutes per incorrect attempt; DMOJ's implementation of it counts, for
each problem with a non-zero best score, the incorrect attempts made before
the earliest attempt that reached that best score, and takes as the time the
latest of those earliest best attempts. An attempt here scores the
problem's full points when accepted and nothing otherwise (no partial
credit). Times are exact seconds. docs/contests.md.
"""

from __future__ import annotations

from collections.abc import Sequence

from judge.contest.formats.pass_fail import counts_as_try
from judge.contest.formats.ranking import (
    SECONDS_PER_MINUTE,
    PenaltyUnit,
    Row,
    attempts_by_participant,
    pending_before,
    points_of,
    ranked,
)
from judge.contest.model import Attempt, ContestRules, ProblemCell, Standing

PENALTY_PER_TRY_S = 5 * SECONDS_PER_MINUTE


class AtCoderFormat:
    name = "atcoder"
    description = "sum of best scores, then time of the last score raise + 5 minutes per incorrect try before it"
    scores_points = True
    penalty_unit: PenaltyUnit = "second"  # penalty time to the second

    def standings(self, rules: ContestRules, attempts: Sequence[Attempt]) -> list[Standing]:
        table = attempts_by_participant(rules, attempts)
        return ranked([self._row(rules, who, per_problem) for who, per_problem in table.items()])

    def _row(self, rules: ContestRules, participant: str, per_problem: dict[str, list[Attempt]]) -> Row:
        cells = {problem: _cell(problem, tries, points_of(rules, problem)) for problem, tries in per_problem.items()}
        score = sum(cell.score for cell in cells.values())
        last_raise_s = max((c.solved_at_s for c in cells.values() if c.solved_at_s is not None), default=0)
        penalty_s = last_raise_s + sum(cell.penalty_s for cell in cells.values())
        return Row(participant, score, penalty_s, cells, order=(-score, penalty_s))


def _attempt_score(attempt: Attempt, points: int) -> int:
    return points if attempt.accepted else 0


def _cell(problem: str, attempts: list[Attempt], points: int) -> ProblemCell:
    """The earliest attempt with the best score decides; incorrect tries before it cost 5 minutes each."""
    tried = [a for a in attempts if counts_as_try(a)]
    best = max((_attempt_score(a, points) for a in tried), default=0)
    if best == 0:  # nothing scored: its tries cost nothing (AtCoder counts penalties on scored problems only)
        pending = pending_before(attempts, lambda a: False)
        return ProblemCell(problem=problem, score=0, solved=False, tries=len(tried), penalty_s=0, pending=pending)
    best_index = next(i for i, a in enumerate(tried) if _attempt_score(a, points) == best)
    best_attempt = tried[best_index]
    return ProblemCell(
        problem=problem,
        score=best,
        solved=best_attempt.accepted,
        tries=best_index + 1,
        penalty_s=best_index * PENALTY_PER_TRY_S,
        solved_at_s=best_attempt.at_s,
        pending=pending_before(attempts, lambda a: a is best_attempt),
    )


FORMAT = AtCoderFormat()
