"""Complexity declaration for naive_bayes (trusted; runs in the judge only).

n is the number of training rows and of query rows: `fit` on n rows (untimed,
one instance kept per size), then `predict` of n rows is timed. Features (2)
and classes (2) are fixed, so a clean predict is O(m·k·d) = O(n).
Recomputing anything that scans the training rows (the statistics, or even
only the class counts with `list.count`) for every query row is O(n^2).
"""

from __future__ import annotations

import random

from judge.testing import Call, Case, Declaration


def build(n: int, rng: random.Random) -> Case:
    X = [[rng.randrange(-400, 401) / 8, rng.randrange(-400, 401) / 8] for _ in range(n)]
    y = [int(x[0] + x[1] + rng.randrange(-20, 21) > 0) for x in X]
    y[0], y[1] = 0, 1  # both classes, whatever the draw
    queries = [[rng.randrange(-400, 401) / 8, rng.randrange(-400, 401) / 8] for _ in range(n)]
    return Case(construct=Call("GaussianNB"), setup=(Call("fit", (X, y)),), timed=Call("predict", (queries,)),
                reuse_instance=True)


DECLARATION = Declaration(
    size="training rows n = query rows (2 features, 2 classes); predict timed after fit",
    time="O(n)",
    memory="O(n)",
    sizes=(128, 16_384),
    build=build,
)
