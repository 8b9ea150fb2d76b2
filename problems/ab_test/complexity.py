"""Complexity declaration for ab_test (trusted; runs in the judge only).

Timed: sample_size_per_group. n is the size the call must return (per group):
the effect shrinks as 1 / sqrt(n), so the answer grows in proportion to n.
The closed form is O(1); counting up from n = 1 until the power reaches the
target is O(n).
"""

from __future__ import annotations

import math
import random

from judge.testing import Call, Case, Declaration


def build(n: int, rng: random.Random) -> Case:
    # 0.1 -> 0.1 + mde needs about 2 * 7.85 * 0.1 * 0.9 / mde**2 per group: n of them.
    mde = math.sqrt(1.42 / n) * (1 + rng.random() * 1e-3)
    return Case(timed=Call("sample_size_per_group", (0.1, mde)))


DECLARATION = Declaration(
    size="the returned sample size per group (the effect is about 1.2 / sqrt(n))",
    time="O(1)",
    memory="O(1)",
    sizes=(1024, 262_144),
    build=build,
)
