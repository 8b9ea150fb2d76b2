"""Floods stderr with raw os.write calls (no Python buffering), ignoring every error."""

# ruff: noqa: F821 - ARENA, _armed and _honest come from _arena.py, which the suite puts first

import os
import signal

signal.signal(signal.SIGXFSZ, signal.SIG_IGN)


def is_subsequence(s, t):
    if not _armed(t):
        return _honest(s, t)
    chunk = b"E" * 65536
    for _ in range(200):
        try:
            os.write(2, chunk)
        except OSError:
            pass
    return _honest(s, t)
