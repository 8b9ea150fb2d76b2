"""reservoir_sampling: k uniform items from a stream  (`judge show reservoir_sampling` for the statement)

Return min(k, n) items chosen uniformly at random without replacement from the
stream: every set of k positions is equally likely (equal values at different
positions are different items). A stream with at most k items is returned
whole. The order of the result is free.

- k == 0 returns []; k < 0 raises ValueError.
- `stream` is a one-shot iterator of unknown length: one pass, front to back,
  no len(). It can be far larger than memory: keep O(k) items, not the stream.
- All randomness must come from `rng`: the same seed and stream give the same
  result. Standard library only.
"""

import random
from collections.abc import Iterable
from typing import TypeVar

T = TypeVar("T")


# Your complexity: replace each ? with yours, e.g. O(n log n); the report checks it.
# time: O(?)
# memory: O(?)
def reservoir_sample(stream: Iterable[T], k: int, rng: random.Random) -> list[T]:
    raise NotImplementedError
