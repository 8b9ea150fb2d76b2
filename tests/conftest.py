"""Shared fixtures: the real problems, and the CLI run in-process with a pinned console."""

from __future__ import annotations

import io
import os
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner
from rich.console import Console

from judge.cli import cli
from judge.cli.environment import Environment
from judge.problems import ProblemSet

REPO = Path(__file__).resolve().parents[1]
PROBLEMS_ROOT = REPO / "problems"


@dataclass
class CliResult:
    exit_code: int
    stdout: str
    stderr: str


@pytest.fixture
def problems() -> ProblemSet:
    return ProblemSet(PROBLEMS_ROOT)


@pytest.fixture
def run_cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Runs `judge ARGS...` in-process in an empty working directory, 120 columns, no colour."""
    monkeypatch.chdir(tmp_path)

    def run(*args: str) -> CliResult:
        out, err = io.StringIO(), io.StringIO()
        env = Environment(
            stdout=Console(file=out, width=120, color_system=None, force_terminal=False),
            stderr=Console(file=err, width=120, color_system=None, force_terminal=False),
            data_dir=tmp_path / "data",
            problems_root=PROBLEMS_ROOT,
        )
        result = CliRunner().invoke(cli, list(args), obj=env, catch_exceptions=False)
        return CliResult(result.exit_code, out.getvalue() + result.output, err.getvalue())

    return run


def children_of_this_process() -> set[int]:
    """This process's children, living or not yet reaped (those it adopted as a subreaper too)."""
    task = Path(f"/proc/{os.getpid()}/task")
    return {int(pid) for thread in task.iterdir() for pid in (thread / "children").read_text().split()}
