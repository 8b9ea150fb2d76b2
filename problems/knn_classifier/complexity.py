"""Complexity declaration for knn_classifier (trusted; runs in the judge only).

n is the number of training rows, with d = 2, k = 5 and 2 queries fixed: a
selection per query is O(n·d) = O(n) time and O(n) extra memory (a full sort
per query is O(n log n): the same group). Ranking every training row by
counting the rows nearer than it is O(n²) per query: with only 2 queries it
still reaches n ≈ 2048 within the time budget, so its growth is measured over
32..2048 (with 8 queries from n = 128 it stopped at 1024: an 8x span, inconclusive).
"""

from __future__ import annotations

import random

from judge.testing import Call, Case, Declaration


def build(n: int, rng: random.Random) -> Case:
    X_train = [[rng.randrange(-1000, 1001), rng.randrange(-1000, 1001)] for _ in range(n)]
    y_train = [rng.randrange(4) for _ in range(n)]
    X_query = [[rng.randrange(-1000, 1001), rng.randrange(-1000, 1001)] for _ in range(2)]
    return Case(timed=Call("knn_predict", (X_train, y_train, X_query, 5)))


DECLARATION = Declaration(
    size="training rows n (d = 2, k = 5, 2 queries)",
    time="O(n)",
    memory="O(n)",
    sizes=(32, 16_384),
    build=build,
)
