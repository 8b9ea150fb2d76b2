"""Complexity declaration for softmax_cross_entropy (trusted; runs in the judge only).

n is the number of rows; C is fixed at 4 classes, so a clean solution is
O(n·C) = O(n). Logits are small integers with some -inf (masked classes)
and labels are never masked. Recomputing every row's maximum inside the
loop over rows is O(n^2). (Growing the gradient with np.vstack row by row is
O(n^2) too, but its copies stay in the cache and cost ~2 s at n = 50 000:
not a class the time limit separates, so it is not in the corpus.)
"""

from __future__ import annotations

import random

from judge.testing import Call, Case, Declaration

CLASSES = 4


def build(n: int, rng: random.Random) -> Case:
    logits, labels = [], []
    for _ in range(n):
        label = rng.randrange(CLASSES)
        row = [float(rng.randrange(-20, 20)) for _ in range(CLASSES)]
        if rng.random() < 0.1:
            row[(label + 1) % CLASSES] = float("-inf")
        logits.append(row)
        labels.append(label)
    return Case(timed=Call("cross_entropy", (logits, labels)))


DECLARATION = Declaration(
    size="rows n (C = 4 classes)",
    time="O(n)",
    memory="O(n)",
    sizes=(128, 16_384),
    memory_sizes=(128, 8192),  # every doubling traced: the reference's top call stays cheap
    build=build,
)
