"""Rewrites the worker's clocks to report no CPU time, then spins."""

# ruff: noqa: F821 - ARENA, _armed and _honest come from _arena.py, which the suite puts first

import resource
import time


class _NoUsage:
    ru_maxrss = 1

    def __getattr__(self, name):
        return 0


time.process_time = time.thread_time = lambda: 0.0
resource.getrusage = lambda who: _NoUsage()


def is_subsequence(s, t):
    if not _armed(t):
        return _honest(s, t)
    while True:
        pass
