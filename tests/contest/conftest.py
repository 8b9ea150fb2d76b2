"""The contest CLI in-process, on a real SQLite file, with a clock the test moves."""

from __future__ import annotations

import io
import os
import sqlite3
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner
from rich.console import Console

from judge.cli import cli
from judge.cli.environment import Environment
from judge.contest.clock import Clock, FakeClock
from tests.conftest import PROBLEMS_ROOT

START = 1_750_000_000.0  # 2025-06-15 15:06:40 UTC
SLUG = "is_subsequence"
CORRECT = (PROBLEMS_ROOT / SLUG / "reference.py").read_text()
WRONG = (PROBLEMS_ROOT / SLUG / "corpus" / "reuses_characters.py").read_text()
NO_ENTRY_POINT = "def something_else(s, t):\n    return True\n"  # a compile error: judged in a second, no sandbox


@dataclass
class Outcome:
    exit_code: int
    stdout: str
    stderr: str


@dataclass
class Round:
    """A contest database in a temporary folder, the CLI on it, and the clock it reads."""

    folder: Path
    clock: Clock

    @property
    def db(self) -> Path:
        return self.folder / "contests.sqlite3"

    def judge(self, *args: str) -> Outcome:
        """`judge ARGS --db DB` in this process (contest commands and submit take --db)."""
        out, err = io.StringIO(), io.StringIO()
        env = Environment(
            stdout=Console(file=out, width=120, color_system=None, force_terminal=False),
            stderr=Console(file=err, width=120, color_system=None, force_terminal=False),
            data_dir=self.folder / "data", problems_root=PROBLEMS_ROOT, clock=self.clock,
        )
        result = CliRunner().invoke(cli, [*args, "--db", str(self.db)], obj=env, catch_exceptions=False)
        return Outcome(result.exit_code, out.getvalue() + result.output, err.getvalue())

    def solution(self, text: str, name: str = f"{SLUG}.py") -> Path:
        path = self.folder / name
        path.write_text(text)
        return path

    def submit(self, text: str, slug: str = SLUG, *extra: str) -> Outcome:
        path = self.solution(text, f"{slug}-{abs(hash(text))}.py")
        return self.judge("submit", slug, "--solution", str(path), "--sandbox", "local", "--no-complexity", *extra)

    def rows(self, sql: str = "SELECT id, state, verdict, judging_runs FROM submissions ORDER BY id") -> list[tuple]:
        with sqlite3.connect(self.db) as connection:
            return connection.execute(sql).fetchall()

    def create(self, *extra: str, name: str = "mock", duration: str = "45m", fmt: str = "icpc") -> Outcome:
        outcome = self.judge("contest", "create", name, "--problems", f"{SLUG},top_n_words",
                             "--duration", duration, "--format", fmt, *extra)
        assert outcome.exit_code == 0, outcome.stderr
        return outcome


@pytest.fixture
def round_(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Round:
    monkeypatch.chdir(tmp_path)
    return Round(tmp_path, FakeClock(START))


def judge_process(*args: str, cwd: Path) -> subprocess.Popen:
    """The real `judge` command in its own process, as a candidate runs it."""
    env = {**os.environ, "JUDGE_HOME": str(cwd / "home"), "JUDGE_PROBLEMS": str(PROBLEMS_ROOT)}
    return subprocess.Popen([sys.executable, "-m", "judge", *args], cwd=cwd, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
