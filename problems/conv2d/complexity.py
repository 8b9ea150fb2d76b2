"""Complexity declaration for conv2d (trusted; runs in the judge only).

n is the number of pixels H * W of a square image (H = W = sqrt(n)); one image,
2 channels, 2 filters of 3 x 3, stride 1, padding 1, so the output has n
pixels too and a convolution is O(n) time and memory.
"""

from __future__ import annotations

import math
import random

from judge.testing import Call, Case, Declaration, NdArray


def build(n: int, rng: random.Random) -> Case:
    side = max(1, math.isqrt(n))
    x = [[[[rng.randrange(-3, 4) for _ in range(side)] for _ in range(side)] for _ in range(2)]]
    w = [[[[rng.randrange(-3, 4) for _ in range(3)] for _ in range(3)] for _ in range(2)] for _ in range(2)]
    return Case(timed=Call("conv2d", (NdArray(x), NdArray(w)), {"padding": 1}))


DECLARATION = Declaration(
    size="pixels n = H * W of a square image (1 image, 2 channels, 2 filters of 3 x 3, padding 1)",
    time="O(n)",
    memory="O(n)",
    sizes=(1024, 262_144),
    build=build,
)
