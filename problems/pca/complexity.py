"""Complexity declaration for pca (trusted; runs in the judge only).

n is the number of rows, with d = 3 features and k = 2: the covariance (or a
thin SVD) is O(n·d² + d³) = O(n) time and the centred copy and the projections
O(n·d) = O(n) memory. The full SVD's n × n U, or recomputing the means for
every row, is O(n²).
"""

from __future__ import annotations

import random

from judge.testing import Call, Case, Declaration


def build(n: int, rng: random.Random) -> Case:
    X = []
    for _ in range(n):
        a, b, c = rng.randrange(-60, 61), rng.randrange(-20, 21), rng.randrange(-5, 6)
        X.append([a + b, a - b, c])
    return Case(timed=Call("pca", (X, 2)))


DECLARATION = Declaration(
    size="rows n (3 features, k = 2)",
    time="O(n)",
    memory="O(n)",
    sizes=(64, 16_384),
    build=build,
)
