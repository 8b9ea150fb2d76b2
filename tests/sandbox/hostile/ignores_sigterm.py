"""Ignores and blocks every catchable signal, then waits forever."""

# ruff: noqa: F821 - ARENA, _armed and _honest come from _arena.py, which the suite puts first

import signal
import time

for _sig in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP, signal.SIGQUIT, signal.SIGUSR1, signal.SIGXCPU):
    signal.signal(_sig, signal.SIG_IGN)


def is_subsequence(s, t):
    if not _armed(t):
        return _honest(s, t)
    signal.pthread_sigmask(signal.SIG_BLOCK, set(signal.valid_signals()))
    while True:
        time.sleep(1)
