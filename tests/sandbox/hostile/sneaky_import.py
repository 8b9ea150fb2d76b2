"""Imports a third-party module at call time, where no static check can see it."""

# ruff: noqa: F821 - ARENA, _armed and _honest come from _arena.py, which the suite puts first

import importlib


def is_subsequence(s, t):
    if not _armed(t):
        return _honest(s, t)
    numbers = importlib.import_module("num" + "py")
    return bool(numbers.all([_honest(s, t)]))
