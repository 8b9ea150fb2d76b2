"""Complexity declaration for roc_auc (trusted; runs in the judge only).

n is the number of samples. Scores are integers below n/2, so about half of
them share their value with another sample and the tied groups are small and
everywhere, like rounded classifier scores. A solution that compares every
positive with every negative is O(n^2).
"""

from __future__ import annotations

import random

from judge.testing import Call, Case, Declaration


def build(n: int, rng: random.Random) -> Case:
    y_true = [int(rng.random() < 0.5) for _ in range(n)]
    y_true[0], y_true[1] = 0, 1  # both classes, whatever the draw
    y_score = [rng.randrange(max(1, n // 2)) + 0.5 * label for label in y_true]
    return Case(timed=Call("roc_auc", (y_true, y_score)))


DECLARATION = Declaration(
    size="samples n",
    time="O(n log n)",
    memory="O(n)",
    sizes=(64, 65_536),
    memory_sizes=(64, 8192),  # every doubling traced: the reference's top call stays cheap
    build=build,
)
