"""Tries to fill the disk: many files, each just under the file-size limit, in every
writable place it can think of (RLIMIT_FSIZE alone bounds one file, not the disk).

It ignores SIGXFSZ and every write error, then answers correctly, and prints how
many bytes it managed to write, so the suite can check the sandbox kept that small
(it deletes one file of its own in each sandbox-private place first, so that the
print itself has room).
"""

# ruff: noqa: F821 - ARENA, _armed and _honest come from _arena.py, which the suite puts first

import os
import resource
import signal
import sys
import tempfile

GOAL = 512 << 20  # per place
_written = []


def _file_size() -> int:
    limit = resource.getrlimit(resource.RLIMIT_FSIZE)[0]
    return 4 << 20 if limit == resource.RLIM_INFINITY else max(1, limit)


def _fill(directory: str, size: int) -> tuple[int, str | None]:
    """Bytes written in directory, and the last file written there."""
    written, block, last = 0, b"\0" * size, None
    for index in range(GOAL // size):
        path = os.path.join(directory, f"{ARENA['tag']}-fill-{index}")
        try:
            with open(path, "wb", buffering=0) as handle:
                written += handle.write(block) or 0
        except OSError:  # full, read-only, not there: this place is done
            break
        last = path
    return written, last


def _make_room(paths) -> None:
    for path in paths:
        if path and os.path.dirname(path) not in ARENA.get("writable_bait", []):
            try:
                os.unlink(path)
            except OSError:
                pass


def _places() -> set:
    places = {"/tmp", "/var/tmp", "/dev/shm", "/run/lock", *ARENA.get("writable_bait", [])}
    for where in (os.getcwd, tempfile.gettempdir, lambda: os.path.expanduser("~")):
        try:
            places.add(where())
        except OSError:
            pass
    return places


def is_subsequence(s, t):
    if not _armed(t):
        return _honest(s, t)
    if not _written:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        results = [_fill(p, _file_size()) for p in sorted(_places())]
        _make_room(last for _, last in results)
        _written.append(sum(written for written, _ in results))
        print(f"disk-filler wrote {_written[0]} bytes", file=sys.stderr)
    return _honest(s, t)
