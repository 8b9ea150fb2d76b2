"""A classic slip in Algorithm R: the fill phase tests `seen <= k + 1` (an off-by-one
when switching from 1-based to 0-based counting), so the reservoir grows to k + 1
items. The judge shows the smallest stream that exposes it."""

import random
from collections.abc import Iterable


def reservoir_sample(stream: Iterable, k: int, rng: random.Random) -> list:
    if k < 0:
        raise ValueError(f"k must be >= 0, got {k}")
    reservoir = []
    for seen, item in enumerate(stream, start=1):
        if seen <= k + 1:
            reservoir.append(item)
        else:
            slot = rng.randrange(seen)
            if slot < k:
                reservoir[slot] = item
    return reservoir
