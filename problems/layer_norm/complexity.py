"""Complexity declaration for layer_norm (trusted; runs in the judge only).

n is D, the length of the normalised (last) axis, with 8 vectors. The timed
call is `backward` on an instance whose `forward` ran untimed, so a clean
solution is O(8·D) = O(n). Recomputing a vector's mean (or mean(g)) inside the
loop over its entries, or building each vector's D x D Jacobian, is O(n^2).
"""

from __future__ import annotations

import random

from judge.testing import Call, Case, Declaration

VECTORS = 8


def build(n: int, rng: random.Random) -> Case:
    gamma = [rng.randrange(1, 100) / 50 for _ in range(n)]
    beta = [rng.randrange(-50, 50) / 50 for _ in range(n)]
    x = [[rng.randrange(-1000, 1000) / 100 for _ in range(n)] for _ in range(VECTORS)]
    dy = [[rng.randrange(-1000, 1000) / 100 for _ in range(n)] for _ in range(VECTORS)]
    return Case(construct=Call("LayerNorm", (gamma, beta)), setup=(Call("forward", (x,)),),
                timed=Call("backward", (dy,)))


DECLARATION = Declaration(
    size="D, the normalised axis (8 vectors)",
    time="O(n)",
    memory="O(n)",
    sizes=(16, 16_384),
    build=build,
)
