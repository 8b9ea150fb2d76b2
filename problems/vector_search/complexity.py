"""Complexity declaration for vector_search (trusted; runs in the judge only).

n is the number of corpus vectors; d = 8, 2 queries, and k = n / 8, so the
selection grows with n too: an argpartition is O(n) (a full sort, O(n log n),
reads the same: the hidden tests' 10 000 x 10 000 case rejects it by time,
not this measurement), while k passes of argmax are O(n k) = O(n^2).
"""

from __future__ import annotations

import random

from judge.testing import Call, Case, Declaration, NdArray


def build(n: int, rng: random.Random) -> Case:
    corpus = [[rng.randrange(-64, 65) / 8 for _ in range(8)] for _ in range(n)]
    queries = [[rng.randrange(-64, 65) / 8 for _ in range(8)] for _ in range(2)]
    return Case(timed=Call("top_k_cosine", (NdArray(corpus), NdArray(queries), max(1, n // 8))))


DECLARATION = Declaration(
    size="corpus vectors n (d = 8, 2 queries, k = n / 8)",
    time="O(n)",
    memory="O(n)",
    sizes=(512, 16_384),
    memory_sizes=(512, 8192),  # every doubling traced: the reference's top call stays cheap
    build=build,
)
