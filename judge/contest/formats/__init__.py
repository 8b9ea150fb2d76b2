"""The scoring formats, registered from a literal table and looked up by name.

Each format turns a contest's rules and its whole attempt log into standings
(judge.contest.model.ScoringFormat); the rules are in docs/contests.md.
Besides the interface, each format says how its numbers read, for the
renderers: `scores_points` (points, or problems solved) and `penalty_unit`
("minute": whole minutes, "second": exact seconds, None: no penalty).
"""

from __future__ import annotations

from typing import Protocol

from judge.contest.formats import atcoder, icpc, ioi, leetcode
from judge.contest.formats.ranking import PenaltyUnit
from judge.contest.model import ScoringFormat
from judge.errors import UsageError


class DisplayedFormat(ScoringFormat, Protocol):
    """A scoring format plus what a scoreboard needs to know to show its numbers."""

    scores_points: bool
    penalty_unit: PenaltyUnit


FORMATS: dict[str, DisplayedFormat] = {
    module.FORMAT.name: module.FORMAT for module in (icpc, leetcode, atcoder, ioi)
}


def get_format(name: str) -> DisplayedFormat:
    """The format called `name`; an unknown name is a usage error listing the known ones."""
    try:
        return FORMATS[name]
    except KeyError as exc:
        known = ", ".join(sorted(FORMATS))
        raise UsageError(f"unknown scoring format {name!r}: choose one of {known}") from exc
