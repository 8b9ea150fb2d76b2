"""Complexity declaration for multi_head_attention (trusted; runs in the judge only).

n is the sequence length L; one sequence (B = 1), D = 8 features, 2 heads of
dimension 4, no mask. The scores are an L x L matrix per head: O(n^2) time
and memory. Recomputing the whole score matrix for every query is O(n^3).
"""

from __future__ import annotations

import random

from judge.testing import Call, Case, Declaration, NdArray

DIM, HEADS = 8, 2


def build(n: int, rng: random.Random) -> Case:
    x = [[[rng.randrange(-8, 9) / 8 for _ in range(DIM)] for _ in range(n)]]
    weights = [[[rng.randrange(-8, 9) / 16 for _ in range(DIM)] for _ in range(DIM)] for _ in range(4)]
    return Case(timed=Call("multi_head_attention", (NdArray(x), *map(NdArray, weights), HEADS)))


DECLARATION = Declaration(
    size="sequence length n = L (B = 1, D = 8, 2 heads)",
    time="O(n^2)",
    memory="O(n^2)",
    sizes=(32, 1024),
    build=build,
)
