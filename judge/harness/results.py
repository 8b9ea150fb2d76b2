"""Result objects: what a judging run yields and every reporter renders."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from judge import __version__
from judge.sandbox.base import CapturedOutput
from judge.verdicts import Verdict

SCHEMA_VERSION = 1


@dataclass
class CaseResult:
    """One hidden test: a named property in an edge-case category."""

    name: str
    category: str
    verdict: Verdict
    message: str = ""
    counterexample: str | None = None
    expected: str | None = None
    actual: str | None = None
    traceback: list[str] = field(default_factory=list)
    time_ms: float = 0.0
    memory_kb: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "category": self.category,
            "verdict": self.verdict.value,
            "counterexample": self.counterexample,
            "expected": self.expected,
            "actual": self.actual,
            "message": self.message,
            "traceback": self.traceback,
            "time_ms": round(self.time_ms, 3),
            "memory_kb": self.memory_kb,
        }


@dataclass
class RunResult:
    """A whole judging run of one solution against one problem."""

    problem: str
    solution: str
    verdict: Verdict
    sandbox: dict[str, Any]
    seed: int
    duration_s: float = 0.0
    message: str = ""
    cases: list[CaseResult] = field(default_factory=list)
    # Hidden tests left out once the run's time allowance said stop, and why.
    not_run: list[str] = field(default_factory=list)
    not_run_reason: str = ""
    complexity: Any = None  # judge.complexity's result, or None until measured
    output: CapturedOutput = field(default_factory=CapturedOutput)

    @property
    def complexity_worse(self) -> bool:
        return bool(self.complexity is not None and getattr(self.complexity, "worse_than_expected", False))

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema_version": SCHEMA_VERSION,
            "judge_version": __version__,
            "problem": self.problem,
            "solution": self.solution,
            "verdict": self.verdict.value,
            "message": self.message,
            "sandbox": self.sandbox,
            "seed": self.seed,
            "duration_s": round(self.duration_s, 3),
            "cases": [case.to_dict() for case in self.cases],
            "not_run": {"cases": self.not_run, "reason": self.not_run_reason} if self.not_run else None,
            "complexity": self.complexity.to_dict() if self.complexity is not None else None,
            "output": self.output.to_dict(),
        }


@dataclass
class HiddenTestResults:
    """What a run of the hidden tests, or of a share of them, yields."""

    cases: list[CaseResult]
    not_run: list[str]  # left out once the allowance said stop
    order: list[str]  # every hidden test's name, in collection order, whichever share ran it
    stopped: str | None = None  # why the allowance of the process that ran them stopped them
    output: CapturedOutput = field(default_factory=CapturedOutput)  # its worker's output (a partner's share)

    def joined(self, other: HiddenTestResults) -> HiddenTestResults:
        """Both shares' results in collection order, as one process running all would list them."""
        position = {name: index for index, name in enumerate(self.order)}
        return HiddenTestResults(
            cases=sorted(self.cases + other.cases, key=lambda case: position[case.name]),
            not_run=sorted(self.not_run + other.not_run, key=position.__getitem__),
            order=self.order,
            stopped=self.stopped or other.stopped,
        )
