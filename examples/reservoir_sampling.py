"""Reservoir sampling, Algorithm R: one pass, k items of memory, all randomness from rng."""

import random
from collections.abc import Iterable


# time: O(n)
# memory: O(1)  # the k-item reservoir, whatever the stream's length n
def reservoir_sample(stream: Iterable, k: int, rng: random.Random) -> list:
    if k < 0:
        raise ValueError(f"k must be >= 0, got {k}")
    reservoir = []
    for seen, item in enumerate(stream, start=1):
        if seen <= k:
            reservoir.append(item)
        else:
            slot = rng.randrange(seen)  # uniform in [0, seen): keep the item with probability k / seen
            if slot < k:
                reservoir[slot] = item
    return reservoir
