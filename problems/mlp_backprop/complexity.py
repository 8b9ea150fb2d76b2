"""Complexity declaration for mlp_backprop (trusted; runs in the judge only).

n is the number of rows of X, with D = 4, H = 8 and C = 3 fixed, so a clean
`loss_and_grads` is O(n·(D·H + H·C)) = O(n). Recomputing the softmax of the
whole batch inside the loop over its rows is O(n^2).
"""

from __future__ import annotations

import random

from judge.testing import Call, Case, Declaration

D, H, C = 4, 8, 3


def build(n: int, rng: random.Random) -> Case:
    W1 = [[rng.randrange(-8, 9) / 8 for _ in range(H)] for _ in range(D)]
    b1 = [rng.randrange(-8, 9) / 8 for _ in range(H)]
    W2 = [[rng.randrange(-8, 9) / 8 for _ in range(C)] for _ in range(H)]
    b2 = [rng.randrange(-8, 9) / 8 for _ in range(C)]
    X = [[rng.randrange(-4, 5) for _ in range(D)] for _ in range(n)]
    y = [rng.randrange(C) for _ in range(n)]
    return Case(construct=Call("TwoLayerMLP", (W1, b1, W2, b2)), timed=Call("loss_and_grads", (X, y, 0.01)),
                reuse_instance=True)


DECLARATION = Declaration(
    size="rows n (D = 4, H = 8, C = 3)",
    time="O(n)",
    memory="O(n)",
    sizes=(64, 32_768),
    build=build,
)
