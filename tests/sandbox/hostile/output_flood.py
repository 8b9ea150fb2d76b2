"""Prints without end."""

# ruff: noqa: F821 - ARENA, _armed and _honest come from _arena.py, which the suite puts first


def is_subsequence(s, t):
    if not _armed(t):
        return _honest(s, t)
    line = "spam " * 200
    while True:
        print(line)
