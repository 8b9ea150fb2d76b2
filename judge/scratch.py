"""The judge's temporary folders: private, named for their owner, never left behind.

Every folder the judge writes during a run (a local box, Hypothesis's storage)
is made here, under the system's temporary directory and never in the user's
working directory. Its name carries the judge's pid, so a judge killed with
SIGKILL (which cannot clean up) has its folders removed by the next judge that
makes one of the same kind.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

from judge import interrupts


def make(kind: str) -> Path:
    """A new private folder `judge-<kind>-<pid>-<random>`; first sweeps those of dead judges."""
    sweep(kind)
    return Path(tempfile.mkdtemp(prefix=f"judge-{kind}-{os.getpid()}-"))


@contextlib.contextmanager
def folder(kind: str) -> Iterator[Path]:
    path: Path | None = None
    try:
        with interrupts.shielded():  # no signal between making the folder and knowing its name
            path = make(kind)
        yield path
    finally:
        if path is not None:
            shutil.rmtree(path, ignore_errors=True)


def sweep(kind: str) -> None:
    """Removes the `kind` folders whose judge is no longer running."""
    prefix = f"judge-{kind}-"
    for path in Path(tempfile.gettempdir()).glob(f"{prefix}*-*"):
        pid = path.name[len(prefix):].split("-", 1)[0]
        if pid.isdigit() and not _running(int(pid)):
            shutil.rmtree(path, ignore_errors=True)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's judge
    return True
