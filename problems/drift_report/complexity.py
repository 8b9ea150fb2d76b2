"""Complexity declaration for drift_report (trusted; runs in the judge only).

n is the size of each sample (reference and current alike): integers with many
ties, the current sample shifted. Evaluating the CDFs by scanning a sample for
every value is O(n^2).
"""

from __future__ import annotations

import random

from judge.testing import Call, Case, Declaration


def build(n: int, rng: random.Random) -> Case:
    reference = [rng.randrange(n) for _ in range(n)]
    current = [rng.randrange(n // 8, n + n // 8) for _ in range(n)]
    return Case(timed=Call("drift_report", (reference, current)))


DECLARATION = Declaration(
    size="values n in each sample",
    time="O(n log n)",
    memory="O(n)",
    sizes=(32, 65_536),
    build=build,
)
