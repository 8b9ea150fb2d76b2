"""When each solution was handed in, for the weeks' due dates of judge-group.toml.

A solution's time is the committer date of the last commit that touched its
file (`git log`): in CI the checkout's file times are all "now", so only git
knows when a member handed something in. A file git does not know (outside a
repository, untracked, or changed since its last commit) has no commit that
holds what is graded, so its modification time stands in. A shallow clone
knows only its last commit: CI templates fetch the whole history
(docs/grading.md).
"""

from __future__ import annotations

import datetime
import subprocess
from dataclasses import dataclass
from pathlib import Path

GIT_TIMEOUT_S = 60


@dataclass(frozen=True)
class HandedIn:
    """When a file was handed in and how we know: "git" (its last commit) or "mtime"."""

    at: datetime.datetime  # UTC
    source: str


def handed_in(root: Path, paths: list[Path]) -> dict[Path, HandedIn]:
    """The time of each path (absolute, resolved), from git where it can tell, else mtime."""
    committed = _commit_times(root)
    dirty = _dirty_files(root)
    times = {}
    for path in paths:
        resolved = path.resolve()
        if resolved in committed and resolved not in dirty:
            times[path] = HandedIn(committed[resolved], "git")
        else:
            times[path] = HandedIn(_modified(path), "mtime")
    return times


def _modified(path: Path) -> datetime.datetime:
    try:
        stamp = path.lstat().st_mtime
    except OSError:  # unreadable: its cell is a compile_error anyway; say it is on time
        stamp = 0.0
    return datetime.datetime.fromtimestamp(stamp, datetime.UTC)


def _git(root: Path, *args: str) -> str | None:
    """git's output, or None when there is no git or `root` is in no repository."""
    try:
        done = subprocess.run(["git", "-C", str(root), *args], capture_output=True, timeout=GIT_TIMEOUT_S)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return done.stdout.decode("utf-8", "surrogateescape") if done.returncode == 0 else None


def _commit_times(root: Path) -> dict[Path, datetime.datetime]:
    """Each file under `root` with the committer date of the last commit that touched it."""
    top = _git(root, "rev-parse", "--show-toplevel")
    log = _git(root, "log", "--format=%x01%cI", "--name-only", "-z", "--no-renames", "--", ".")
    if top is None or log is None:
        return {}
    top_path = Path(top.strip())
    times: dict[Path, datetime.datetime] = {}
    for commit in log.split("\x01")[1:]:  # newest first: the first time a file shows is its last commit
        date, *names = commit.split("\0")
        when = datetime.datetime.fromisoformat(date.strip()).astimezone(datetime.UTC)
        for name in (n.lstrip("\n") for n in names):
            if name:
                times.setdefault((top_path / name).resolve(), when)
    return times


def _dirty_files(root: Path) -> set[Path]:
    """Files whose content is not that of their last commit (modified, staged or untracked)."""
    top = _git(root, "rev-parse", "--show-toplevel")
    status = _git(root, "status", "--porcelain", "-z", "--untracked-files=all", "--no-renames", "--", ".")
    if top is None or status is None:
        return set()
    return {(Path(top.strip()) / entry[3:]).resolve() for entry in status.split("\0") if len(entry) > 3}
