"""Every process forks forever: RLIMIT_NPROC / the pids limit stop it, the kill takes them all."""

# ruff: noqa: F821 - ARENA, _armed and _honest come from _arena.py, which the suite puts first

import os


def is_subsequence(s, t):
    if not _armed(t):
        return _honest(s, t)
    while True:
        try:
            os.fork()
        except OSError:
            pass
