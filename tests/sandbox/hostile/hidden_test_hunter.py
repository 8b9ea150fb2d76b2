"""Searches the file system for the problem's hidden tests and leaks them in an exception."""

# ruff: noqa: F821 - ARENA, _armed and _honest come from _arena.py, which the suite puts first

import os
import sys

WANTED = {"hidden_tests.py", "reference.py", "problem.toml", "spec.md"}
ROOTS = ("/tmp", "/work", "/home", "/root", "/srv", "/opt", "/var/tmp", "/mnt", "/")
BUDGET = 40_000  # directory entries looked at, so the search fits in the time limit


def _hunt():
    found, seen = [], 0
    roots = [*ARENA.get("search_roots", []), *ROOTS]
    for root in roots:
        for directory, subdirs, files in os.walk(root):
            subdirs[:] = [d for d in subdirs if d not in ("proc", "sys", "dev", "usr", "lib", "var")]
            seen += len(subdirs) + len(files)
            found += [os.path.join(directory, f) for f in files if f in WANTED]
            if seen > BUDGET:
                return found, seen
    return found, seen


def _peek(path):
    try:
        with open(path, errors="replace") as handle:
            return handle.read(300)
    except OSError as exc:
        return f"<{exc.strerror}>"


def is_subsequence(s, t):
    if not _armed(t):
        return _honest(s, t)
    found, seen = _hunt()
    loot = " | ".join(f"{p}: {_peek(p)}" for p in found[:8])
    print(f"hunter looked at {seen} entries: {loot}")
    print(loot, file=sys.stderr)
    raise RuntimeError(f"looked at {seen} entries, found {len(found)}: {loot}")
