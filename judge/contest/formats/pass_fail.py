"""One problem's cell when a problem is either solved (accepted) or not: icpc and leetcode."""

from __future__ import annotations

from collections.abc import Callable

from judge.contest.formats.ranking import pending_before
from judge.contest.model import NO_PENALTY, Attempt, ProblemCell


def counts_as_try(attempt: Attempt) -> bool:
    """Judged, and not a verdict that never costs (compile_error, forbidden_import, internal_error)."""
    return attempt.verdict is not None and attempt.verdict not in NO_PENALTY


def pass_fail_cell(
    problem: str,
    attempts: list[Attempt],
    *,
    score_when_solved: float,
    penalty_per_try_s: float,
    solve_time_penalty: Callable[[float], float],
) -> ProblemCell:
    """The first accepted attempt decides; attempts after it are ignored.

    Rejected tries before it cost `penalty_per_try_s` each, and
    `solve_time_penalty(at_s)` is what the solve time itself adds to this
    problem's penalty (icpc adds the whole minutes; leetcode adds nothing
    here, its clock is the last accepted time of the whole round). An
    unsolved problem costs nothing, however many tries it had.
    """
    rejected = 0
    for attempt in attempts:
        if not counts_as_try(attempt):
            continue
        if attempt.accepted:
            return ProblemCell(
                problem=problem,
                score=score_when_solved,
                solved=True,
                tries=rejected + 1,
                penalty_s=solve_time_penalty(attempt.at_s) + rejected * penalty_per_try_s,
                solved_at_s=attempt.at_s,
                pending=pending_before(attempts, lambda a: a.accepted),
            )
        rejected += 1
    return ProblemCell(
        problem=problem, score=0, solved=False, tries=rejected, penalty_s=0,
        pending=pending_before(attempts, lambda a: a.accepted),
    )
