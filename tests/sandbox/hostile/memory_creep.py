"""Memory that creeps up one touched MiB at a time and is never freed."""

# ruff: noqa: F821 - ARENA, _armed and _honest come from _arena.py, which the suite puts first

_hoard = []


def is_subsequence(s, t):
    if not _armed(t):
        return _honest(s, t)
    while True:
        _hoard.append(b"x" * (1 << 20))
