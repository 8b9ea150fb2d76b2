"""Complexity declaration for sessionize (trusted; runs in the judge only).

n is the number of events: n/8 users with 8 events each, whole epoch seconds,
shuffled. Rescanning every event once per user is O(n^2 / 8).
"""

from __future__ import annotations

import random

from judge.testing import Call, Case, Declaration

BASE = 1_710_061_200


def build(n: int, rng: random.Random) -> Case:
    users = max(1, n // 8)
    events = [(f"u{rng.randrange(users):06d}", BASE + rng.randrange(7 * 86_400)) for _ in range(n)]
    return Case(timed=Call("sessionize", (events,)))


DECLARATION = Declaration(
    size="events n, over n/8 users",
    time="O(n log n)",
    memory="O(n)",
    sizes=(64, 8_192),
    memory_sizes=(64, 4096),  # every doubling traced: the reference's top call stays cheap
    build=build,
)
