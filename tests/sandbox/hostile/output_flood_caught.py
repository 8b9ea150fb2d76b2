"""Floods stdout, swallows the write errors (EFBIG) and SIGXFSZ, then answers correctly."""

# ruff: noqa: F821 - ARENA, _armed and _honest come from _arena.py, which the suite puts first

import signal
import sys

signal.signal(signal.SIGXFSZ, signal.SIG_IGN)


def is_subsequence(s, t):
    if not _armed(t):
        return _honest(s, t)
    for _ in range(5000):
        try:
            sys.stdout.write("flood " * 100 + "\n")
            sys.stdout.flush()
        except OSError:
            pass
    return _honest(s, t)
