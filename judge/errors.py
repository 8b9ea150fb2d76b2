"""The judge's own exceptions and the process exit codes they map to."""

from __future__ import annotations

import enum


class ExitCode(enum.IntEnum):
    """Every exit code `judge` can return. Documented in docs/cli.md."""

    ACCEPTED = 0
    WRONG_ANSWER = 1
    USAGE_ERROR = 2
    RUNTIME_ERROR = 3
    TIME_LIMIT_EXCEEDED = 4
    MEMORY_LIMIT_EXCEEDED = 5
    OUTPUT_LIMIT_EXCEEDED = 6
    COMPILE_ERROR = 7
    FORBIDDEN_IMPORT = 8
    COMPLEXITY_WORSE = 9
    PROBLEM_CONFIG_ERROR = 10
    SANDBOX_UNAVAILABLE = 11
    INTERRUPTED = 130
    INTERNAL_ERROR = 70


class JudgeError(Exception):
    """Base of every error the judge raises on purpose; the CLI formats these."""

    exit_code = ExitCode.INTERNAL_ERROR


class UsageError(JudgeError):
    """The user asked for something that cannot be done as asked."""

    exit_code = ExitCode.USAGE_ERROR


class ProblemConfigError(JudgeError):
    """A problem directory is malformed: names the file, the key and what was expected."""

    exit_code = ExitCode.PROBLEM_CONFIG_ERROR


class SandboxError(JudgeError):
    """A sandbox backend cannot be used or broke on our side (never the solution's fault)."""

    exit_code = ExitCode.SANDBOX_UNAVAILABLE
