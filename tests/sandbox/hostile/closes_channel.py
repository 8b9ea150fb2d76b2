"""Closes every file descriptor, the judge's channel included, then answers into the void."""

# ruff: noqa: F821 - ARENA, _armed and _honest come from _arena.py, which the suite puts first

import os


def is_subsequence(s, t):
    if not _armed(t):
        return _honest(s, t)
    os.closerange(0, 4096)
    return _honest(s, t)
