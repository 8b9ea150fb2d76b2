"""Complexity declaration for beam_search (trusted; runs in the judge only).

n is the beam width B. The vocabulary is fixed (7 tokens and eos) and the search runs 6 steps;
eos is so unlikely that no hypothesis finishes, so every step ranks B x 8 candidates. One sort
per step is O(n log n); picking the B best by repeated max() is O(n^2).
"""

from __future__ import annotations

import random

from judge.testing import Call, Case, Declaration

BOS, EOS = "<s>", "</s>"
TOKENS = [f"w{i}" for i in range(7)]


def build(n: int, rng: random.Random) -> Case:
    model = {ctx: {**{tok: -rng.randrange(1, 257) / 64 for tok in TOKENS}, EOS: -100.0} for ctx in [BOS, *TOKENS]}
    return Case(timed=Call("beam_search", (model, BOS, EOS, n, 6, 0.0)))


DECLARATION = Declaration(
    size="beam width (vocabulary of 8, 6 steps)",
    time="O(n log n)",
    memory="O(n)",
    sizes=(32, 2048),
    build=build,
)
