"""Sleeps instead of computing: no CPU used, only the wall clock notices."""

# ruff: noqa: F821 - ARENA, _armed and _honest come from _arena.py, which the suite puts first

import time


def is_subsequence(s, t):
    if not _armed(t):
        return _honest(s, t)
    time.sleep(3600)
    return _honest(s, t)
