"""A contest database with submissions in it, for the judging-queue tests (real SQLite, real clock)."""

from __future__ import annotations

import subprocess
import time
from collections.abc import Callable
from pathlib import Path

from judge.contest.judging import JudgeOptions
from judge.contest.model import ContestRules
from judge.contest.owner import Owner, current_owner
from judge.contest.store import ContestStore, Submission
from judge.problems import ProblemSet
from tests import waiting
from tests.conftest import PROBLEMS_ROOT
from tests.contest.conftest import NO_ENTRY_POINT, SLUG

CONTEST = "group"
OPTIONS = JudgeOptions(sandbox="local", seed=0, complexity=False)
# Judged in well under a second: no sandbox starts (no entry point is a compile error).
QUICK = NO_ENTRY_POINT
# Sits in its import (under the 5 s an import may sit idle), then fails it: a judging that takes
# `seconds` in the sandbox, surely mid-way when a test stops it, and quick once it ends.
def sleepy(seconds: float) -> str:
    return f"import time\ntime.sleep({seconds})\nraise ImportError('slept')\n\ndef {SLUG}(s, t):\n    return True\n"


WAIT_S = 60


def problems() -> ProblemSet:
    return ProblemSet(PROBLEMS_ROOT)


def new_store(folder: Path) -> Path:
    """A database with a running contest; its path."""
    path = folder / "contests.sqlite3"
    with ContestStore(path) as store:
        store.create_contest(ContestRules(CONTEST, (SLUG,), 3600, "icpc"), time.time())
        store.start(CONTEST, time.time())
    return path


def add(path: Path, source: str, participant: str = "ada", owner: Owner | None = None) -> int:
    """Commits a submission, as the server does before it calls submit(); its id."""
    with ContestStore(path) as store:
        return store.add_submission(CONTEST, participant, SLUG, f"{SLUG}.py", source.encode(), time.time(),
                                    OPTIONS.to_dict(), owner or current_owner()).id


def rows(path: Path) -> list[Submission]:
    with ContestStore(path) as store:
        return store.submissions(CONTEST)


def row(path: Path, submission_id: int) -> Submission:
    with ContestStore(path) as store:
        return store.submission(submission_id)


def wait_for(condition: Callable[[], bool], what: str, timeout_s: float = WAIT_S) -> None:
    waiting.wait_for(condition, what, timeout_s)


def wait_until_judged(path: Path, timeout_s: float = WAIT_S) -> list[Submission]:
    wait_for(lambda: all(item.judged for item in rows(path)), "every submission judged", timeout_s)
    return rows(path)


def dead_owner() -> Owner:
    """The owner a killed server leaves in its rows: a pid that no longer runs."""
    process = subprocess.Popen(["true"])
    process.wait()
    return Owner(process.pid, "boot:0")
