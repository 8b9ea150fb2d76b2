"""Asks for 8 GiB at once."""

# ruff: noqa: F821 - ARENA, _armed and _honest come from _arena.py, which the suite puts first


def is_subsequence(s, t):
    if not _armed(t):
        return _honest(s, t)
    block = bytearray(8 << 30)
    return _honest(s, t) and bool(block)
