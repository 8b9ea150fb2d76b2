"""Returns 48 MB of text: more than the channel carries, well within the memory limit."""

# ruff: noqa: F821 - ARENA, _armed and _honest come from _arena.py, which the suite puts first


def is_subsequence(s, t):
    if not _armed(t):
        return _honest(s, t)
    return "y" * (48 << 20)
