"""Leaves during import, before the worker can say it is ready."""

# ruff: noqa: F821 - ARENA, _armed and _honest come from _arena.py, which the suite puts first

import os


def is_subsequence(s, t):
    return _honest(s, t)


os._exit(0)
