"""A content-addressed cache of cells: regrading an unchanged file does not run it again.

The key is a sha256 over everything a cell's verdict depends on: the solution's
bytes and path (reports quote the path in tracebacks), every file of the
problem's folder but its corpus, the judge (its version and the source of the
whole `judge` package, so an edited judge never reuses an old verdict), the
Python and Hypothesis versions, the seed, the sandbox, whether complexity is
measured and the folders hidden from the sandbox. The value is the cell's
`judge run` JSON report, one file per key, written atomically.

A cell the judge failed on (internal_error) is never stored: a bug of ours must
not stick. The cache only ever saves time, so a cache that cannot be read or
written is a miss, never an error of the batch.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

import judge
from judge.errors import JudgeError
from judge.grade.discovery import Submission
from judge.problems import ProblemSet

FORMAT = 1  # bumped when the stored value's shape changes
SKIPPED_PARTS = {"corpus", "__pycache__"}  # the corpus never reaches a run; bytecode is rewritten at will


def default_dir() -> Path:
    """$JUDGE_CACHE, else $XDG_CACHE_HOME/judge/grade, else ~/.cache/judge/grade."""
    if os.environ.get("JUDGE_CACHE"):
        return Path(os.environ["JUDGE_CACHE"])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "judge" / "grade"


def _hash_tree(digest: Any, folder: Path, *, pattern: str = "*") -> None:
    """Each file's relative path and bytes, in a fixed order, length-prefixed (no two trees collide)."""
    files = sorted(p for p in folder.rglob(pattern)
                   if p.is_file() and not SKIPPED_PARTS.intersection(p.relative_to(folder).parts))
    for path in files:
        _hash_field(digest, str(path.relative_to(folder)).encode())
        _hash_field(digest, path.read_bytes())


def _hash_field(digest: Any, data: bytes) -> None:
    digest.update(len(data).to_bytes(8, "big"))
    digest.update(data)


@functools.lru_cache(maxsize=1)
def judge_fingerprint() -> str:
    """The judge that grades: its version, its source, and what runs the hidden tests."""
    import hypothesis  # a dependency of the judge; a new one may shrink to other inputs

    digest = hashlib.sha256()
    for part in (judge.__version__, sys.version, hypothesis.__version__):
        _hash_field(digest, part.encode())
    _hash_tree(digest, Path(judge.__file__).parent, pattern="*.py")
    return digest.hexdigest()


class Cache:
    """Reports of judged cells in `folder`, by key."""

    def __init__(self, folder: Path, problems: ProblemSet) -> None:
        self.folder, self.problems = folder, problems
        self._problems: dict[str, str | None] = {}
        self.hits = 0

    def key(self, submission: Submission, settings: tuple[str, ...]) -> str | None:
        """The cell's key; None when its files cannot be read (then it is simply judged)."""
        problem = self._problem_fingerprint(submission.slug)
        try:
            solution = submission.path.read_bytes()
        except OSError:
            return None
        if problem is None:
            return None
        digest = hashlib.sha256()
        for part in (str(FORMAT).encode(), judge_fingerprint().encode(), problem.encode(),
                     str(submission.path).encode(), solution, *(s.encode() for s in settings)):
            _hash_field(digest, part)
        return digest.hexdigest()

    def _problem_fingerprint(self, slug: str) -> str | None:
        if slug not in self._problems:  # once per batch: every member shares the problem's files
            digest = hashlib.sha256()
            try:  # the folder the run will use: the first folder of problems that has the slug
                _hash_tree(digest, self.problems.get(slug).directory)
                self._problems[slug] = digest.hexdigest()
            except (OSError, JudgeError):  # unknown or malformed: the run says so, uncached
                self._problems[slug] = None
        return self._problems[slug]

    def _path(self, key: str) -> Path:
        return self.folder / f"{key}.json"

    def get(self, key: str) -> dict[str, Any] | None:
        """The stored report, or None (absent, unreadable or not a report of ours)."""
        try:
            stored = json.loads(self._path(key).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if not isinstance(stored, dict) or not isinstance(stored.get("report"), dict):
            return None
        self.hits += 1
        return stored

    def put(self, key: str, report: dict[str, Any], duration_s: float) -> None:
        """Stores a report whole or not at all: a temporary file renamed over the key."""
        if report.get("verdict") == "internal_error":
            return
        data = json.dumps({"format": FORMAT, "duration_s": round(duration_s, 3), "report": report},
                          ensure_ascii=False)
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=self.folder, prefix=f".{key[:16]}-", suffix=".tmp")
            try:
                with os.fdopen(handle, "w", encoding="utf-8") as file:
                    file.write(data)
                os.replace(temporary, self._path(key))
            except BaseException:
                os.unlink(temporary)
                raise
        except OSError:
            return  # a full disk or a read-only cache costs a rerun next time, not this batch
