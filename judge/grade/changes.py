"""`--changed-since REF`: only the files a pull request touched.

Changed means: different from the git ref (committed since, staged or not), or
new and not ignored. Paths come back absolute, to match discovery's.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from judge.errors import UsageError
from judge.grade.discovery import Discovery

GIT_TIMEOUT_S = 60


def changed_files(root: Path, ref: str) -> set[Path]:
    top = Path(_git(root, ref, "rev-parse", "--show-toplevel").strip())
    listed = _git(root, ref, "diff", "--name-only", "--no-renames", ref, "--", ".")
    listed += _git(root, ref, "ls-files", "--others", "--exclude-standard", "--full-name", "--", ".")
    return {(top / line).resolve() for line in listed.splitlines() if line}


def keep_changed(found: Discovery, changed: set[Path]) -> None:
    """Drops every cell whose file did not change (and the assigned-but-missing ones: a pull
    request is judged on what it touched, not on what nobody wrote yet)."""
    found.submissions = [s for s in found.submissions if s.path.resolve() in changed]
    found.not_graded = [n for n in found.not_graded if n.path.resolve() in changed]
    found.missing = []


def _git(root: Path, ref: str, *args: str) -> str:
    try:
        done = subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, timeout=GIT_TIMEOUT_S)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise UsageError(f"--changed-since {ref} needs git: {exc}") from exc
    if done.returncode != 0:
        said = (done.stderr.strip().splitlines() or [f"exit {done.returncode}"])[-1]
        raise UsageError(f"--changed-since {ref}: `git {args[0]}` in {root} failed: {said}")
    return done.stdout
