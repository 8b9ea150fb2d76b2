"""How a judging run maps to the process exit code (docs/cli.md)."""

from __future__ import annotations

from judge.errors import ExitCode
from judge.harness.results import RunResult
from judge.verdicts import Verdict

VERDICT_EXIT = {
    Verdict.ACCEPTED: ExitCode.ACCEPTED,
    Verdict.WRONG_ANSWER: ExitCode.WRONG_ANSWER,
    Verdict.RUNTIME_ERROR: ExitCode.RUNTIME_ERROR,
    Verdict.TIME_LIMIT_EXCEEDED: ExitCode.TIME_LIMIT_EXCEEDED,
    Verdict.MEMORY_LIMIT_EXCEEDED: ExitCode.MEMORY_LIMIT_EXCEEDED,
    Verdict.OUTPUT_LIMIT_EXCEEDED: ExitCode.OUTPUT_LIMIT_EXCEEDED,
    Verdict.COMPILE_ERROR: ExitCode.COMPILE_ERROR,
    Verdict.FORBIDDEN_IMPORT: ExitCode.FORBIDDEN_IMPORT,
    Verdict.INTERNAL_ERROR: ExitCode.INTERNAL_ERROR,
}


def exit_code_for(result: RunResult) -> ExitCode:
    if result.verdict is Verdict.ACCEPTED and result.complexity_worse:
        return ExitCode.COMPLEXITY_WORSE
    return VERDICT_EXIT[result.verdict]
