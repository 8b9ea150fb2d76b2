"""The one place where what a solution did becomes a verdict.

The sandbox reports facts (a Breach: over time, out of memory, crashed...); the
static checks and the hidden-test plugin report theirs. Every verdict of a run
is named here or by them, in the harness: contest, grade and the reports only
read verdicts.
"""

from __future__ import annotations

from judge.sandbox.client import Breach, ImportFailed, SolutionFailed
from judge.verdicts import Verdict

VERDICT_OF_BREACH = {
    Breach.TIME: Verdict.TIME_LIMIT_EXCEEDED,
    Breach.MEMORY: Verdict.MEMORY_LIMIT_EXCEEDED,
    Breach.OUTPUT: Verdict.OUTPUT_LIMIT_EXCEEDED,
    Breach.FORBIDDEN_IMPORT: Verdict.FORBIDDEN_IMPORT,
    Breach.CRASH: Verdict.RUNTIME_ERROR,
    Breach.SYNTAX: Verdict.COMPILE_ERROR,
    Breach.RAISED: Verdict.RUNTIME_ERROR,
}

# Once a case hits one of these, its later calls fail at once: shrinking an
# input that takes the whole time limit per attempt would take minutes.
STICKY = {Breach.TIME, Breach.MEMORY, Breach.OUTPUT}


def verdict_of(failure: SolutionFailed | ImportFailed) -> Verdict:
    return VERDICT_OF_BREACH[failure.breach]
