"""Sends itself SIGSTOP: a stopped process uses no CPU and never answers."""

# ruff: noqa: F821 - ARENA, _armed and _honest come from _arena.py, which the suite puts first

import os
import signal


def is_subsequence(s, t):
    if not _armed(t):
        return _honest(s, t)
    os.kill(os.getpid(), signal.SIGSTOP)
    return _honest(s, t)
