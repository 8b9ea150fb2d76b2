"""Complexity declaration for decision_tree (trusted; runs in the judge only).

n is the number of training rows; 2 integer features and max_depth=2 are
fixed. Labels depend on the features through noise, so every node is impure
and large. Sorting each feature once per node is O(n log n); rebuilding the
children from all rows for every candidate threshold is O(n^2).
"""

from __future__ import annotations

import random

from judge.testing import Call, Case, Declaration

PARAMETERS = {"max_depth": 2}


def build(n: int, rng: random.Random) -> Case:
    X = [[rng.randrange(1_000_000), rng.randrange(1_000_000)] for _ in range(n)]
    y = [int(a + b / 2 + rng.randrange(600_000) > 900_000) for a, b in X]
    return Case(construct=Call("DecisionTreeClassifier", kwargs=PARAMETERS), timed=Call("fit", (X, y)))


DECLARATION = Declaration(
    size="training rows n (2 features, depth 2)",
    time="O(n log n)",
    memory="O(n)",
    sizes=(16, 4096),
    memory_sizes=(16, 1024),  # every doubling traced: the reference's top call stays cheap
    build=build,
)
