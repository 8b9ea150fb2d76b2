"""The outside world the CLI works in, passed in so tests can swap it."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from rich.console import Console
from rich.text import Text

from judge.contest.clock import Clock, SystemClock
from judge.history import History, default_data_dir
from judge.problems import ProblemSet, problem_roots


@dataclass
class Environment:
    stdout: Console
    stderr: Console
    data_dir: Path
    problems_root: Path | None = None
    clock: Clock = field(default_factory=SystemClock)  # contest mode reads the time only here

    @classmethod
    def from_os(cls) -> Environment:
        return cls(stdout=Console(), stderr=Console(stderr=True), data_dir=default_data_dir())

    @property
    def problems(self) -> ProblemSet:
        return ProblemSet(self.problems_root) if self.problems_root else ProblemSet(*problem_roots())

    @property
    def history(self) -> History:
        def warn(message: str) -> None:
            self.stderr.print(Text.assemble(("warning:", "yellow"), f" {message}"), soft_wrap=True)

        return History(self.data_dir, warn)
