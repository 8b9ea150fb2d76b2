"""A judging job as both engines carry it: what judging needs, and what comes back.

A job is plain JSON (never pickle, never a database path): the contest and
submission id (to write the result back), the problem's slug, the source bytes
(base64), the file name the participant knows and the judging options. The
result is plain JSON too: the verdict, the edge-case categories passed and the
whole report. Whoever holds the database turns the result into a `Judgement`
and records it, once (the store's claim/record).
"""

from __future__ import annotations

import base64
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from judge.contest.judging import JudgeOptions, judge_source, judgement_of
from judge.contest.owner import Owner, is_alive
from judge.contest.store import Judgement, Submission
from judge.errors import JudgeError, SandboxError
from judge.harness.results import RunResult
from judge.problems import ProblemSet
from judge.verdicts import Verdict


@dataclass(frozen=True)
class Job:
    """One submission to judge, as it travels to a judge worker."""

    contest: str
    submission: int
    problem: str
    filename: str
    source: bytes
    sha256: str
    options: JudgeOptions

    @property
    def id(self) -> str:
        """The same for every queueing of one submission, so a duplicate is recognised, not judged twice."""
        return f"judge-{self.contest}-{self.submission}-{self.sha256[:16]}"

    def to_dict(self) -> dict[str, Any]:
        return {"contest": self.contest, "submission": self.submission, "problem": self.problem,
                "filename": self.filename, "source": base64.b64encode(self.source).decode("ascii"),
                "sha256": self.sha256, "options": self.options.to_dict()}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Job:
        return cls(contest=data["contest"], submission=int(data["submission"]), problem=data["problem"],
                   filename=data["filename"], source=base64.b64decode(data["source"]), sha256=data["sha256"],
                   options=JudgeOptions.from_dict(data["options"]))

    @classmethod
    def of(cls, submission: Submission) -> Job:
        return cls(submission.contest, submission.id, submission.problem, submission.filename, submission.source,
                   submission.sha256, JudgeOptions.from_dict(submission.options))


def with_sandbox(job: Job, sandbox: str) -> Job:
    """The job judged in the sandbox a judge worker was told to use (its seed and complexity kept)."""
    return replace(job, options=replace(job.options, sandbox=sandbox))


class SandboxUnavailable(JudgeError):
    """The worker's sandbox cannot run now: the submission is given back, not judged as an error."""


def run_job(job: Job, problems: ProblemSet, hidden_paths: tuple[Path, ...] = ()) -> dict[str, Any]:
    """Judges a job; the result as JSON. A judge-side failure is an internal error (it never costs a
    penalty); only a sandbox that cannot start, or a signal, leaves the submission to judge again.
    `hidden_paths`: folders the sandbox must not see beyond the judge's own (the database's folder)."""
    try:
        result = judge_source(problems, job.problem, job.source, job.filename, job.options,
                              hidden_paths=hidden_paths)
    except SandboxError as exc:
        raise SandboxUnavailable(str(exc)) from exc
    except JudgeError as exc:  # e.g. hidden tests that cannot run: the organiser's problem, said plainly
        return internal_error(job, f"the judge could not judge submission #{job.submission}: {exc}")
    return judgement_to_dict(judgement_of(result))


def judgement_to_dict(judgement: Judgement) -> dict[str, Any]:
    return {"verdict": judgement.verdict.value, "categories_passed": sorted(judgement.categories_passed),
            "categories_total": judgement.categories_total, "report": judgement.report}


def judgement_from_dict(data: dict[str, Any]) -> Judgement:
    return Judgement(Verdict(data["verdict"]), frozenset(data["categories_passed"]), int(data["categories_total"]),
                     data["report"])


def internal_error(job: Job, message: str) -> dict[str, Any]:
    """A result for a submission the judge failed on: shown to its author, no penalty in any format."""
    sandbox = {"backend": "none", "enforced": {}, "notes": ["nothing ran"]}
    result = RunResult(job.problem, job.filename, Verdict.INTERNAL_ERROR, sandbox, job.options.seed, message=message)
    return judgement_to_dict(judgement_of(result))


def judged_elsewhere(submission: Submission, owner: Owner) -> bool:
    """True while another live process (a `judge submit` in a terminal) is judging it: left to it."""
    theirs = submission.owner
    return theirs is not None and theirs != owner and submission.state == "judging" and is_alive(theirs)
