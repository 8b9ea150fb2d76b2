"""Lifts the recursion limit and recurses through C code (map) until the C stack overflows: SIGSEGV."""

# ruff: noqa: F821 - ARENA, _armed and _honest come from _arena.py, which the suite puts first

import sys

sys.setrecursionlimit(10**9)


def _down(n):
    # A plain Python call would not use the C stack in 3.11+; going through map() does.
    return list(map(_down, [n + 1]))


def is_subsequence(s, t):
    if not _armed(t):
        return _honest(s, t)
    return _down(0)
