"""Complexity declaration for stratified_kfold (trusted; runs in the judge only).

n is the number of labels, in 4 classes of unequal sizes, with 5 folds and no
shuffle: the answer holds 5n indices, so a clean solution is O(n) (O(n log n)
if it sorts the indices by class). Dealing from a list re-sliced at every step,
or building a training list with `i not in test_list`, is O(n^2). (Dealing
with pop(0) is O(n^2) too, but its memmove is so cheap that its exponent read
1.48 up to n = 32768: not clearly apart, so the corpus re-slices instead.)
"""

from __future__ import annotations

import random

from judge.testing import Call, Case, Declaration


def build(n: int, rng: random.Random) -> Case:
    y = rng.choices(range(4), weights=[1, 2, 3, 10], k=n)
    return Case(timed=Call("stratified_kfold", (y, 5)))


DECLARATION = Declaration(
    size="labels n (4 classes, 5 folds, no shuffle)",
    time="O(n)",
    memory="O(n)",
    sizes=(256, 32_768),
    build=build,
)
