"""Writes garbage, including fake protocol replies, to every file descriptor it has."""

# ruff: noqa: F821 - ARENA, _armed and _honest come from _arena.py, which the suite puts first

import os

GARBAGE = b'{"ok": true, "value": true}\n\xff\xfe not json at all \0\n{"ready": true}\n'


def is_subsequence(s, t):
    if not _armed(t):
        return _honest(s, t)
    for fd in range(1024):
        try:
            os.write(fd, GARBAGE)
        except OSError:
            pass
    return _honest(s, t)
