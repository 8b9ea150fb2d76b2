"""Fills memory while it is imported, before any call, one written MiB at a time: the verdict is
memory_limit_exceeded, as in a call, whichever allocation fails first."""

# ruff: noqa: F821 - _honest comes from _arena.py, which the suite puts first

HOARD = [b"x" * (1 << 20) for _ in range(1 << 14)]  # 16 GiB: the memory limit ends it long before


def is_subsequence(s, t):
    return _honest(s, t)
