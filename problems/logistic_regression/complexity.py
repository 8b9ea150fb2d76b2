"""Complexity declaration for logistic_regression (trusted; runs in the judge only).

n is the number of training rows; features (3) and steps (5) are fixed, so a
fit is O(n_iter·n·d) = O(n). Recomputing every row's probability inside the
loop over rows is O(n^2) per step.
"""

from __future__ import annotations

import random

from judge.testing import Call, Case, Declaration

PARAMETERS = {"learning_rate": 0.05, "n_iter": 5, "l2": 0.01}


def build(n: int, rng: random.Random) -> Case:
    X = [[rng.randrange(-1000, 1000) / 500 for _ in range(3)] for _ in range(n)]
    y = [int(x[0] + x[1] - x[2] + rng.random() - 0.5 > 0) for x in X]
    return Case(construct=Call("LogisticRegression", kwargs=PARAMETERS), timed=Call("fit", (X, y)))


DECLARATION = Declaration(
    size="training rows n (3 features, 5 steps)",
    time="O(n)",
    memory="O(n)",
    sizes=(32, 16_384),
    build=build,
)
