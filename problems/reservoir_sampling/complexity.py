"""Complexity declaration for reservoir_sampling (trusted; runs in the judge only).

n is the stream length. The stream is a Stream descriptor built inside the
worker (never sent), k is fixed, so the expected extra memory is O(k) = O(1)
in n, and a solution that keeps the stream shows O(n).
"""

from __future__ import annotations

import random

from judge.testing import Call, Case, Declaration, Rng, Stream

K = 16


def build(n: int, rng: random.Random) -> Case:
    return Case(timed=Call("reservoir_sample", (Stream.range(n), K, Rng(rng.randrange(2**32)))))


DECLARATION = Declaration(
    size="stream length (k = 16 fixed)",
    time="O(n)",
    memory="O(1)",
    sizes=(1024, 262_144),  # a kept stream of 1M ints (40 MB) leaves the caches and looks superlinear
    memory_sizes=(1024, 65_536),  # every doubling traced: the reference's top call stays cheap
    build=build,
)
