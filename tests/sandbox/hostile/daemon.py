"""Leaves a detached daemon behind (double fork, new session), then answers correctly."""

# ruff: noqa: F821 - ARENA, _armed and _honest come from _arena.py, which the suite puts first

import os
import sys
import time

_spawned = []


def _daemonize():
    if os.fork():
        return
    os.setsid()
    if os.fork():
        os._exit(0)
    for fd in range(256):  # let go of the channel and the captured output
        try:
            os.close(fd)
        except OSError:
            pass
    try:  # a named process outlives Python's own name, so the suite can find it too
        os.execv(sys.executable, [sys.executable, "-c", "import time\nwhile True: time.sleep(1)", ARENA["tag"]])
    except OSError:
        while True:
            time.sleep(1)


def is_subsequence(s, t):
    if not _armed(t):
        return _honest(s, t)
    if not _spawned:
        _spawned.append(True)
        _daemonize()
    return _honest(s, t)
