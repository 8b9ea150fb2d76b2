"""Complexity declaration for weekly_buckets (trusted; runs in the judge only).

n is the number of timestamps. Gaps are random (up to two days), so weeks
hold a handful of timestamps each and the number of buckets grows with n.
"""

from __future__ import annotations

import datetime
import random

from judge.complexity.declare import Call, Case, Declaration

START = datetime.datetime(2019, 1, 1)


def build(n: int, rng: random.Random) -> Case:
    """n non-decreasing naive timestamps, some gaps zero (equal instants are legal)."""
    moment = START
    timestamps = []
    for _ in range(n):
        moment += datetime.timedelta(seconds=rng.choice((0, rng.randrange(2 * 86_400))))
        timestamps.append(moment.isoformat())
    return Case(timed=Call("weekly_buckets", (timestamps,)))


DECLARATION = Declaration(
    size="number of timestamps",
    time="O(n)",
    memory="O(n)",  # the buckets themselves hold n references
    sizes=(64, 65_536),
    build=build,
)
