"""Starts a non-daemon thread that never ends: Python will not exit on its own."""

# ruff: noqa: F821 - ARENA, _armed and _honest come from _arena.py, which the suite puts first

import threading
import time

_started = []


def _forever():
    while True:
        time.sleep(0.5)


def is_subsequence(s, t):
    if not _armed(t):
        return _honest(s, t)
    if not _started:
        _started.append(threading.Thread(target=_forever, daemon=False))
        _started[0].start()
    return _honest(s, t)
