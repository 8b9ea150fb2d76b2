"""Exits mid-call but leaves a child holding the judge's channel open, so no EOF ever comes."""

# ruff: noqa: F821 - ARENA, _armed and _honest come from _arena.py, which the suite puts first

import os
import time


def is_subsequence(s, t):
    if not _armed(t):
        return _honest(s, t)
    if os.fork() == 0:
        while True:
            time.sleep(1)
    os._exit(3)
