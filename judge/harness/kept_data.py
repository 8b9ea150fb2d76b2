"""Data that hidden tests build the same way at every run, kept on disk between runs.

A problem's large inputs and their expected answers (1.2 million characters of
text and the reference's ranking of it, 100 000 scores and their exact AUC) are
built from fixed seeds: the same at every run, and up to 0.8 CPU s of each run
to build. A hidden test marks such a function `@judge.testing.kept` (it
replaces `functools.lru_cache`); the first run on a machine builds and saves
the value, every later run loads it in milliseconds.

A value is keyed by the problem's hidden tests and reference solution (their
bytes), the judge's version, the Python version, the function's name and its
arguments: editing either file, upgrading the judge or Python builds afresh.
The folder is hidden from every sandbox like the judge's own files (run.py
makes it before a box opens), so no solution reads an expected answer there.
An unreadable or damaged entry is built again; a folder that cannot be made or
written only means building at every run.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from types import FunctionType, ModuleType
from typing import Any, TypeVar

from judge import __version__

T = TypeVar("T")


def folder() -> Path | None:
    """$XDG_CACHE_HOME/judge/kept, else ~/.cache/judge/kept, made now; None when it cannot be
    made or someone else could write to it."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    path = Path(base) / "judge" / "kept"
    try:
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
        found = path.stat()
    except OSError:
        return None
    # Loading a kept value runs pickle: only from a folder that no one else can write to.
    private = found.st_uid == os.geteuid() and not found.st_mode & 0o022
    return path if private and os.access(path, os.R_OK | os.W_OK | os.X_OK) else None


class _Store:
    """One problem's kept values in one folder."""

    def __init__(self, path: Path, slug: str, sources: tuple[Path, ...]) -> None:
        self.path, self.slug, self.sources = path, slug, sources

    @functools.cached_property
    def sources_digest(self) -> str:
        """Read at the first kept value a run asks for: most problems keep none."""
        digest = hashlib.sha256(f"{__version__} {sys.version}".encode())
        for source in self.sources:
            with contextlib.suppress(OSError):
                digest.update(source.read_bytes())
            digest.update(b"\0")
        return digest.hexdigest()[:16]

    def file(self, name: str, arguments_digest: str) -> Path:
        return self.path / f"{self.slug}.{name}.{arguments_digest}.{self.sources_digest}.pickle"

    @staticmethod
    def load(file: Path) -> Any:
        with open(file, "rb") as stream:
            return pickle.load(stream)

    def save(self, file: Path, value: Any) -> None:
        """Written whole or not at all (two processes of one run may save the same value at once),
        and older versions of the same entry removed. A value that cannot be saved (a full disk,
        an object pickle refuses) is only built again at the next run."""
        try:
            handle, temporary = tempfile.mkstemp(dir=self.path, prefix=".saving-")
        except OSError:
            return
        try:
            with os.fdopen(handle, "wb") as stream:
                pickle.dump(value, stream, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, file)
        except Exception:  # noqa: BLE001 - OSError, PicklingError, TypeError...: not kept, that is all
            return
        finally:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temporary)
        stem = file.name.rsplit(".", 2)[0]  # slug.name.arguments
        for older in self.path.glob(f"{stem}.*.pickle"):
            if older != file:
                with contextlib.suppress(OSError):
                    older.unlink()


# The problem whose hidden tests run in this process: process-wide, like the rest of the harness's
# state (one judging per process at a time; contests judge in child processes).
_current: _Store | None = None


@contextlib.contextmanager
def kept_for(slug: str, sources: tuple[Path, ...], path: Path | None) -> Iterator[None]:
    """While a problem's hidden tests run: `@kept` functions load from and save to `path`
    (None: they only remember their values for the run)."""
    global _current
    previous, _current = _current, None if path is None else _Store(path, slug, sources)
    try:
        yield
    finally:
        _current = previous


def kept(function: Callable[..., T]) -> Callable[..., T]:
    """Keeps what `function` returns, for these arguments, on disk between runs and in memory
    within one. Only for deterministic functions of their arguments (seeded randomness, the
    reference), returning plain data (what pickle saves: lists, dicts, str, numbers, Fraction)."""
    remembered: dict[str, T] = {}

    @functools.wraps(function)
    def wrapper(*args: Any) -> T:
        arguments = _arguments_digest(args)
        if arguments in remembered:
            return remembered[arguments]
        store = _current
        if store is None:
            value = function(*args)
        else:
            file = store.file(function.__qualname__, arguments)
            try:
                value = store.load(file)
            except Exception:  # noqa: BLE001 - missing, damaged, unreadable: built again
                value = function(*args)
                store.save(file, value)
        remembered[arguments] = value
        return value

    return wrapper


def _arguments_digest(args: tuple) -> str:
    """The arguments as text that stays the same from run to run: a module or a function (the
    reference, whose source is part of the store's key) by its name, anything else by repr."""
    parts = [
        f"{arg.__module__}.{arg.__qualname__}" if isinstance(arg, FunctionType)
        else arg.__name__ if isinstance(arg, ModuleType) else repr(arg)
        for arg in args
    ]
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()[:16]
