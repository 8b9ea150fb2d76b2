"""Complexity declaration for sampling_decoder (trusted; runs in the judge only).

n is the vocabulary size V, the number of logits. The logits are standard
Gaussian, rounded to multiples of 1/64 (many ties), and top_p = 0.9, so the
nucleus holds about 60% of the tokens and a solution must order them:
O(n log n). The sizes start at 64 so that an O(n^2) solution reaches four sizes.
Recomputing the softmax denominator per token, or a prefix sum per nucleus
candidate, is O(n^2).
"""

from __future__ import annotations

import random

from judge.testing import Call, Case, Declaration, Rng


def build(n: int, rng: random.Random) -> Case:
    logits = [round(rng.gauss(0.0, 1.0) * 64) / 64 for _ in range(n)]
    return Case(timed=Call("sample_next", (logits, Rng(rng.randrange(2**32))), {"top_p": 0.9}))


DECLARATION = Declaration(
    size="vocabulary size V (top_p = 0.9)",
    time="O(n log n)",
    memory="O(n)",
    sizes=(64, 65_536),
    memory_sizes=(64, 8192),  # every doubling traced: the reference's top call stays cheap
    build=build,
)
