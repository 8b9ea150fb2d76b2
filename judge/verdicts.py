"""The verdicts a judging run can end with, and which one wins."""

from __future__ import annotations

import enum
from collections.abc import Iterable


class Verdict(enum.Enum):
    """One outcome. Declared from most to least severe: that order is the precedence."""

    INTERNAL_ERROR = "internal_error"
    COMPILE_ERROR = "compile_error"
    FORBIDDEN_IMPORT = "forbidden_import"
    RUNTIME_ERROR = "runtime_error"
    MEMORY_LIMIT_EXCEEDED = "memory_limit_exceeded"
    TIME_LIMIT_EXCEEDED = "time_limit_exceeded"
    OUTPUT_LIMIT_EXCEEDED = "output_limit_exceeded"
    WRONG_ANSWER = "wrong_answer"
    ACCEPTED = "accepted"

    @property
    def severity(self) -> int:
        """Higher is worse; ACCEPTED is 0."""
        members = list(Verdict)
        return len(members) - 1 - members.index(self)

    @property
    def label(self) -> str:
        return self.value.replace("_", " ")

    @classmethod
    def worst(cls, verdicts: Iterable[Verdict]) -> Verdict:
        """The verdict of a whole run: the most severe of its cases, ACCEPTED if none."""
        return max(verdicts, key=lambda v: v.severity, default=cls.ACCEPTED)
