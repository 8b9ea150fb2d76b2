"""Complexity declaration for weekly_buckets (trusted; runs in the judge only).

n is the number of timestamps. Gaps are random (up to two days), so weeks
hold a handful of timestamps each and the number of buckets grows with n.
"""

from __future__ import annotations

import datetime
import itertools
import random

from judge.testing import Call, Case, Declaration

START = datetime.datetime(2019, 1, 1)
SECOND = datetime.timedelta(seconds=1)
TWO_DAYS_S = 2 * 86_400


def build(n: int, rng: random.Random) -> Case:
    """n non-decreasing naive timestamps: half the gaps zero (equal instants are legal), the
    others uniform below two days. One uniform draw decides both (0.08 s less per run than a
    choice and a randrange per timestamp, at the largest sizes)."""
    draws = [rng.random() for _ in range(n)]
    gaps = [int((u - 0.5) * 2 * TWO_DAYS_S) if u >= 0.5 else 0 for u in draws]
    timestamps = [(START + seconds * SECOND).isoformat() for seconds in itertools.accumulate(gaps)]
    return Case(timed=Call("weekly_buckets", (timestamps,)))


DECLARATION = Declaration(
    size="number of timestamps",
    time="O(n)",
    memory="O(n)",  # the buckets themselves hold n references
    sizes=(64, 65_536),
    memory_sizes=(64, 4096),  # every doubling traced: the reference's top call stays cheap
    build=build,
)
