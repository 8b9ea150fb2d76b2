"""The solution's captured output, as every backend hands it back: each stream capped."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from judge.sandbox.base import CapturedOutput


def capped(stdout: bytes, stderr: bytes, cap: int) -> CapturedOutput:
    """Each stream cut at `cap` bytes (then marked truncated) and decoded, bad bytes replaced."""
    captured = CapturedOutput()
    for name, data in (("stdout", stdout), ("stderr", stderr)):
        if len(data) > cap:
            captured.truncated = True
            data = data[:cap]
        setattr(captured, name, data.decode("utf-8", errors="replace"))
    return captured


def joined_output(first: CapturedOutput, second: CapturedOutput, cap: int) -> CapturedOutput:
    """Two workers' output as one run's: each stream one after the other, capped again."""
    captured = capped((first.stdout + second.stdout).encode(), (first.stderr + second.stderr).encode(), cap)
    captured.truncated = captured.truncated or first.truncated or second.truncated
    return captured


def read_output(out_dir: Path, cap: int) -> CapturedOutput:
    """The solution's stdout and stderr over all workers of a run (`stdout.NNNN` files), each capped.

    Only regular files are read, never through a symlink and never blocking on
    a FIFO, whatever ended up in the directory.
    """
    stdout, stderr = (b"".join(_read_capped(p, cap + 1) for p in sorted(out_dir.glob(f"{name}.*")))
                      for name in ("stdout", "stderr"))
    return capped(stdout, stderr, cap)


def _read_capped(path: Path, limit: int) -> bytes:
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError:
        return b""
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return b""
        return os.read(fd, limit)
    finally:
        os.close(fd)
