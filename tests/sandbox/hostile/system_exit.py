"""Raises SystemExit (and the worker must not take it for its own end)."""

# ruff: noqa: F821 - ARENA, _armed and _honest come from _arena.py, which the suite puts first

import sys


def is_subsequence(s, t):
    if not _armed(t):
        return _honest(s, t)
    sys.exit(0)
