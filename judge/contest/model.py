"""The contest model every part of contest mode shares: rules, attempts, standings.

The scoring formats (judge/contest/formats/) turn a contest's rules and its
log of judged attempts into standings; they never see the database, the clock
or the judge. The standings are always recomputed from the whole log, never
patched as attempts arrive (docs/contests.md).

Times are seconds since the attempt's participant started the round (a solo
round has one participant; a group contest with per-participant windows has a
start per participant). Whole minutes, where a format counts minutes, are
taken by the format (floor), never stored.

A scoreboard freeze is not a format's concern: whoever shows a frozen board
passes the attempts made after the freeze with `verdict=None` (pending) for
every participant but the viewer, and the format scores what it is given.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

from judge.verdicts import Verdict

# Verdicts that never cost a penalty in any format: the solution never ran on a test.
NO_PENALTY = frozenset({Verdict.COMPILE_ERROR, Verdict.FORBIDDEN_IMPORT, Verdict.INTERNAL_ERROR})
FEEDBACK_MODES = ("full", "verdict", "hidden")


@dataclass(frozen=True)
class ContestRules:
    """What a contest is: its problems, clock and how it is scored and shown."""

    name: str
    problems: tuple[str, ...]  # slugs, in the order the round shows them
    duration_s: int
    format: str  # a key of judge.contest.formats.FORMATS
    feedback: str = "full"  # one of FEEDBACK_MODES
    freeze_s: int | None = None  # the scoreboard freezes this long before the end
    points: dict[str, int] = field(default_factory=dict)  # per problem; formats default to 100


@dataclass(frozen=True)
class Attempt:
    """One judged submission, as a scoring format sees it.

    `verdict` None means not judged yet (pending): formats count it nowhere.
    `categories_passed` is the set of edge-case categories whose every hidden
    test passed; `categories_total` how many categories the problem has.
    """

    id: int  # submission order: ids grow with submission time
    participant: str
    problem: str
    at_s: float  # seconds since the participant's start
    verdict: Verdict | None
    categories_passed: frozenset[str] = frozenset()
    categories_total: int = 0

    @property
    def accepted(self) -> bool:
        return self.verdict is Verdict.ACCEPTED

    @property
    def costs_penalty(self) -> bool:
        """A judged, rejected attempt that ran the solution (NO_PENALTY verdicts never cost)."""
        return self.verdict is not None and not self.accepted and self.verdict not in NO_PENALTY


@dataclass(frozen=True)
class ProblemCell:
    """One participant's result on one problem."""

    problem: str
    score: float  # points for points formats, 1/0 solved for icpc
    solved: bool
    tries: int  # attempts counted (penalty-free verdicts excluded)
    penalty_s: float  # what this problem adds to the participant's penalty
    solved_at_s: float | None = None  # the accepted (or best-scoring) attempt's time
    first_to_solve: bool = False
    pending: int = 0  # attempts not judged yet (or hidden by a freeze)


@dataclass(frozen=True)
class Standing:
    """One row of the scoreboard."""

    rank: int  # ties share a rank (1, 1, 3)
    participant: str
    score: float  # problems solved (icpc) or points
    penalty_s: float  # the tiebreaker each format defines (lower is better)
    cells: dict[str, ProblemCell]


class ScoringFormat(Protocol):
    """One scoring format: a name, a one-line description and the standings it computes."""

    name: str
    description: str

    def standings(self, rules: ContestRules, attempts: Sequence[Attempt]) -> list[Standing]:
        """Every participant who made an attempt, best first; recomputed from the whole log."""
        ...
