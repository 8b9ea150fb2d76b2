"""Complexity declaration for is_subsequence (trusted; runs in the judge only).

n is len(t); s is every other character of t, so len(s) = n / 2 grows with
it, the answer is True and a correct scan must walk (almost) all of t.
"""

from __future__ import annotations

import random

from judge.testing import Call, Case, Declaration

# Maps every byte value to one of four letters: random text at C speed.
ALPHABET = bytes(b"abcd"[i % 4] for i in range(256))


def build(n: int, rng: random.Random) -> Case:
    # A small ASCII alphabet: characters are shared objects in CPython, so the
    # O(1) extra memory of a clean scan is not blurred by per-character strings.
    t = rng.randbytes(n).translate(ALPHABET).decode("ascii")
    return Case(timed=Call("is_subsequence", (t[::2], t)))


DECLARATION = Declaration(
    size="len(t), with len(s) = len(t) / 2",
    time="O(n)",
    memory="O(1)",
    sizes=(256, 524_288),
    memory_sizes=(256, 32_768),  # every doubling traced: the reference's top call stays cheap
    build=build,
)
