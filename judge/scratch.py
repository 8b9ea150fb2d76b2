"""The judge's temporary folders: private, held by their owner, never left behind.

Every folder the judge writes during a run (a local box, Hypothesis's storage,
a Docker box's pipes) is made here, under the system's temporary directory and
never in the user's working directory. Its owner holds an exclusive `flock` on
the folder's lock file for as long as it lives; the kernel releases the lock
when the owner dies, however it dies (SIGKILL included). A judge that makes a
folder first sweeps the folders of its kind whose lock it can take: their owner
is gone. Liveness is the kernel's fact, never a guess from a pid, so a judge in
another PID namespace (a container sharing the temporary directory, `unshare`,
a CI runner) and a reused pid are both told right.

The pid in a folder's name is for people reading `ls /tmp`; nothing decides by it.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from judge import interrupts

LOCK_NAME = ".judge-owner.lock"
# A folder with no lock file is being made (the lock is put in place a few
# system calls after the folder) or was orphaned in that instant: it is left
# alone until it is this old.
UNLOCKED_GRACE_S = 600

# The lock of every folder this process made and has not removed yet.
_held: dict[Path, int] = {}


def _forget_held() -> None:
    """In a forked child: the parent's folders stay the parent's. The child's copies of the
    lock descriptors would otherwise keep the locks alive after the parent died."""
    for fd in _held.values():
        os.close(fd)
    _held.clear()


os.register_at_fork(after_in_child=_forget_held)


def make(kind: str) -> Path:
    """A new private folder `judge-<kind>-<pid>-<random>`, held until `remove`; first sweeps
    the folders of this kind whose owner is gone."""
    sweep(kind)
    path = Path(tempfile.mkdtemp(prefix=f"judge-{kind}-{os.getpid()}-"))
    _held[path] = _hold(path)
    return path


def remove(path: Path) -> None:
    """Deletes a folder made by `make`, then lets its lock go."""
    shutil.rmtree(path, ignore_errors=True)
    fd = _held.pop(path, None)
    if fd is not None:
        os.close(fd)


def lock_file(path: Path) -> Path:
    """The file whose lock says the folder's owner is alive (Docker labels its containers with it)."""
    return path / LOCK_NAME


@contextlib.contextmanager
def folder(kind: str) -> Iterator[Path]:
    path: Path | None = None
    try:
        with interrupts.shielded():  # no signal between making the folder and knowing its name
            path = make(kind)
        yield path
    finally:
        if path is not None:
            remove(path)


def sweep(kind: str) -> None:
    """Removes the `kind` folders whose owner is gone."""
    for path in Path(tempfile.gettempdir()).glob(f"judge-{kind}-*-*"):
        if path not in _held:
            with owner_gone(lock_file(path), grace_from=path) as gone:
                if gone:
                    shutil.rmtree(path, ignore_errors=True)


@contextlib.contextmanager
def owner_gone(lock: Path, grace_from: Path | None = None) -> Iterator[bool]:
    """True inside the block when nobody holds `lock` (and it stays so: the block holds it).

    A missing lock file counts as gone only when `grace_from` (the folder) is older than the
    grace period, or when no folder is given and the lock file's folder is gone too.
    """
    try:
        fd = os.open(lock, os.O_RDONLY | os.O_NOFOLLOW)
    except FileNotFoundError:
        if grace_from is None:
            yield not lock.parent.exists()
        else:
            yield _older_than(grace_from, UNLOCKED_GRACE_S)
        return
    except OSError:
        yield False  # someone else's, unreadable: not ours to judge
        return
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            yield False
        else:
            yield True
    finally:
        os.close(fd)


def _hold(path: Path) -> int:
    """Locks `path`'s lock file and keeps the descriptor open. The file is locked under a
    temporary name, then renamed: a sweeper never sees the lock file unlocked."""
    pending = path / f"{LOCK_NAME}.{os.getpid()}"
    fd = os.open(pending, os.O_RDWR | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    os.rename(pending, lock_file(path))
    return fd


def _older_than(path: Path, seconds: float) -> bool:
    try:
        return time.time() - path.stat().st_mtime > seconds
    except FileNotFoundError:
        return False
