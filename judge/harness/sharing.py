"""Two judge processes sharing one run's hidden tests, category by category.

Both run the same collected session (the partner is forked once the judge has
collected: run.py). Before a test runs, its process
claims the test's category, and runs it only if the category is its own: the
first process to reach a category takes all of it. A category is the unit
because its tests share what is costly to build (the large input a problem's
hidden tests cache for their "large input" category, built once per process).
Claiming as they go, not dealing out halves in advance, keeps both busy to the
end whatever the categories cost. Process 1 goes through the tests from the
last, process 2 from the first, and they meet where the work is shared out:
a file of hidden tests usually ends with its costliest category (the large
input), which goes to the process that starts first (the partner opens a box
of its own after the fork, 0.3 s on Docker) instead of to someone who reaches
it last and finishes alone. Measured both ways round with
benchmarks/judge_speed.py: this way is as fast or faster for all but one
problem (weekly_buckets on Docker, 0.06 s slower), up to 0.2 s faster.
The partner starts with the second-to-last category, then goes from the
first: a file that ends with two costly categories (two large inputs) gives
one to each process at once (plugin.py).

The claims live in memory shared across fork (created before it): a byte per
category, 0 while nobody has it. A problem with more categories than slots
deals the rest out by position.
"""

from __future__ import annotations

import ctypes
import dataclasses
import multiprocessing
from collections.abc import Callable
from typing import Any

SLOTS = 1024


class Sharing:
    """The claims of two processes, numbered 1 and 2, over one run's categories."""

    def __init__(self) -> None:
        self._owners: Any = multiprocessing.Array(ctypes.c_byte, SLOTS)  # with a lock across processes

    def claim(self, category: int, process: int) -> bool:
        """True when `category` (its index in collection order) is `process`'s: claimed now or before."""
        if category >= SLOTS:
            return category % 2 == process - 1
        with self._owners.get_lock():
            if self._owners[category] == 0:
                self._owners[category] = process
            return bool(self._owners[category] == process)


@dataclasses.dataclass
class Share:
    """One process's part: `process` 1 (the judge, last test to first) or 2 (its partner, first to
    last). Process 1 calls `start_partner(plugin, session)` once its tests are collected and its
    worker is ready: the partner is forked then, with the collection done (run.py)."""

    sharing: Sharing
    process: int
    start_partner: Callable[[Any, Any], None] | None = None
