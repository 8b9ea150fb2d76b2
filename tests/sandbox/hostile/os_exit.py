"""Leaves with os._exit(0) in the middle of a call: no reply, no exception, exit code 0."""

# ruff: noqa: F821 - ARENA, _armed and _honest come from _arena.py, which the suite puts first

import os


def is_subsequence(s, t):
    if not _armed(t):
        return _honest(s, t)
    os._exit(0)
