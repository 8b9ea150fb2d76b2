"""Reference solution for reservoir_sampling: Li's "Algorithm L".

Algorithm R (draw one random number per item) is the textbook answer; Algorithm L
draws random numbers only when an item actually enters the reservoir, and jumps
over the items in between with itertools.islice, which consumes them in C. On a
stream of n items it makes O(k * (1 + log(n / k))) random draws instead of n,
so it stays fast on the ten-million-item memory test and in the judge process.

Why it is uniform: after the reservoir is full, each of its k slots carries an
(implicit) uniform random key, and the reservoir is the k items with the
smallest keys. `w` is the largest of those k keys; the number of items skipped
before one draws a key below `w` is geometric with success probability `w`, and
the new key is uniform on (0, w). Replacing a uniformly chosen slot keeps the
"k smallest keys" picture exact.
"""

from __future__ import annotations

import math
import random
import sys
from collections.abc import Iterable
from itertools import islice
from typing import TypeVar

T = TypeVar("T")

_END = object()  # marks the end of the stream; no item can be this object


def reservoir_sample(stream: Iterable[T], k: int, rng: random.Random) -> list[T]:
    """Return min(k, n) items chosen uniformly without replacement from `stream`.

    One pass, O(k) memory, all randomness from `rng`; raises ValueError if k < 0.
    """
    if k < 0:
        raise ValueError(f"k must be non-negative, got {k}")
    items = iter(stream)
    reservoir = list(islice(items, k))
    if len(reservoir) < k or k == 0:
        return reservoir  # the stream had at most k items (or none were wanted)
    w = _shrink(1.0, k, rng)
    while True:
        nxt = next(islice(items, _skip_length(w, rng), None), _END)
        if nxt is _END:
            return reservoir
        reservoir[rng.randrange(k)] = nxt
        w = _shrink(w, k, rng)


def _uniform_open(rng: random.Random) -> float:
    """A uniform draw in (0, 1]: random() may return 0.0, whose log is undefined."""
    return 1.0 - rng.random()


def _shrink(w: float, k: int, rng: random.Random) -> float:
    """The largest of k uniform keys on (0, w): w * U ** (1/k)."""
    return w * math.exp(math.log(_uniform_open(rng)) / k)


def _skip_length(w: float, rng: random.Random) -> int:
    """How many items go by before one draws a key below w (geometric, success w)."""
    if w >= 1.0:
        return 0
    if w <= 0.0:  # underflow after astronomically many items: nothing enters again
        return sys.maxsize - 1
    skip = math.floor(math.log(_uniform_open(rng)) / math.log1p(-w))
    return min(skip, sys.maxsize - 1)  # islice refuses larger counts
