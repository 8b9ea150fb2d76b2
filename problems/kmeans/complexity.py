"""Complexity declaration for kmeans (trusted; runs in the judge only).

n is the number of points on a line, uniformly spread, with 2 starting
centroids and exactly 3 steps (on uniform data Lloyd's centroids keep moving
for many steps, so tol=0 does not stop it earlier). A clean solution is
O(n·k·d) per step, so O(n) here; recounting a cluster's points for every
point is O(n^2). k and d are as small as they go so that the linear part
stays small: a quadratic solution then shows its growth at the sizes the
time budget reaches (with k=4, d=2 its exponent read about 1.5 at n <= 512).
"""

from __future__ import annotations

import random

from judge.testing import Call, Case, Declaration


def build(n: int, rng: random.Random) -> Case:
    X = [[rng.randrange(100_000) / 100] for _ in range(n)]
    start = [[100.0], [300.0]]
    return Case(timed=Call("kmeans", (X, start), {"max_iter": 3, "tol": 0.0}))


DECLARATION = Declaration(
    size="points n (d = 1, k = 2, 3 steps)",
    time="O(n)",
    memory="O(n)",
    sizes=(32, 16_384),
    memory_sizes=(32, 1024),  # every doubling traced: the reference's top call stays cheap
    build=build,
)
