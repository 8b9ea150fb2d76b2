"""Judging a stored submission, and re-judging those a killed judge left behind.

The same judging as `judge run` (judge_solution), on the bytes the log holds:
what was recorded is what is judged, even if the file changed since. Judging
is claimed in the database first (judge/contest/owner.py), so a submission is
judged by one process at a time and its verdict written once. A signal during
judging gives the submission back (pending, no owner): the next contest
command judges it again, as it does for one whose judge was killed.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from judge import interrupts, scratch
from judge.contest.clock import Clock
from judge.contest.owner import Owner, current_owner
from judge.contest.store import ContestStore, Judgement, Submission
from judge.errors import JudgeError, SandboxError, UsageError
from judge.harness.results import RunResult
from judge.harness.run import judge_solution
from judge.problems import ProblemSet
from judge.sandbox import choose_backend
from judge.sandbox.base import Backend
from judge.verdicts import Verdict

Progress = Callable[[int, int, str], None]


@dataclass(frozen=True)
class JudgeOptions:
    """How a submission is judged; stored with it so a re-judge is the same judging."""

    sandbox: str = "auto"
    seed: int = 0
    complexity: bool = True

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> JudgeOptions:
        known = {key: data[key] for key in ("sandbox", "seed", "complexity") if key in data}
        return cls(**known)


@dataclass
class Judged:
    """A submission after judging, and the run (None when nothing could run)."""

    submission: Submission
    result: RunResult | None


class SubmissionJudge:
    """Judges submissions of one contest database for this process."""

    def __init__(self, store: ContestStore, problems: ProblemSet, clock: Clock,
                 hidden_paths: tuple[Path, ...] = ()) -> None:
        self.store, self.problems, self.clock = store, problems, clock
        self.hidden_paths = (*hidden_paths, *_database_folder(store.path))
        self.owner: Owner = current_owner()

    def judge(self, submission: Submission, backend: Backend | None = None,
              progress: Progress | None = None) -> Judged:
        """Claims, judges and records one submission this process owns or took over."""
        if not self.store.claim(submission, self.owner):
            return Judged(self.store.submission(submission.id), None)  # another judge has it
        options = JudgeOptions.from_dict(submission.options)
        try:
            result = self._run(submission, options, backend, progress)
        except BaseException:
            with interrupts.shielded():  # stopped or broken: back to pending, the next command re-judges it
                self.store.release(submission.id, self.owner)
            raise
        with interrupts.shielded():  # a verdict reached is written, even when a signal comes now
            self.store.record(submission.id, self.owner, judgement_of(result), self.clock.now())
        return Judged(self.store.submission(submission.id), result)

    def recover(self, on_start: Callable[[Submission], None] = lambda s: None,
                on_skip: Callable[[Submission, str], None] = lambda s, why: None) -> list[Judged]:
        """Re-judges every submission whose judge is gone, oldest first."""
        done = []
        for submission in self.store.abandoned():
            try:
                backend, _why = choose_backend(JudgeOptions.from_dict(submission.options).sandbox)
            except SandboxError as exc:  # left pending: a later command, on a working sandbox, judges it
                on_skip(submission, str(exc))
                continue
            on_start(submission)
            done.append(self.judge(submission, backend))
        return done

    def _run(self, submission: Submission, options: JudgeOptions, backend: Backend | None,
             progress: Progress | None) -> RunResult:
        return judge_source(self.problems, submission.problem, submission.source, submission.filename, options,
                            backend, progress, self.hidden_paths)


def judge_source(problems: ProblemSet, slug: str, source: bytes, filename: str, options: JudgeOptions,
                 backend: Backend | None = None, progress: Progress | None = None,
                 hidden_paths: tuple[Path, ...] = ()) -> RunResult:
    """Judges a submission's bytes as `judge run` would; no database needed (judge workers call this too)."""
    try:
        problem = problems.get(slug)
    except JudgeError as exc:  # the problem left the problem set since: say so, cost nothing
        return _unjudgeable(slug, filename, f"problem {slug!r} cannot be loaded: {exc}")
    why = "recorded with the submission"
    if backend is None:
        backend, why = choose_backend(options.sandbox)
    with scratch.folder("contest") as folder:
        path = folder / f"{slug}.py"
        path.write_bytes(source)
        try:
            result = judge_solution(problem, path, backend, seed=options.seed, progress=progress,
                                    measure_complexity=options.complexity, hidden_paths=hidden_paths)
        except UsageError as exc:  # a source the static checks refuse (not UTF-8): it never compiles
            result = _unjudgeable(slug, filename, str(exc).replace(str(path), filename), Verdict.COMPILE_ERROR)
    result.solution = filename  # the file the candidate knows, not our copy
    for shown in {str(path), str(path.resolve())}:
        result.message = result.message.replace(shown, filename)
    result.sandbox["chosen"] = why
    return result


def judgement_of(result: RunResult) -> Judgement:
    """The verdict, the edge-case categories whose every test passed, and the whole JSON report."""
    passed: dict[str, bool] = {}
    for case in result.cases:
        passed[case.category] = passed.get(case.category, True) and case.verdict is Verdict.ACCEPTED
    categories = frozenset(name for name, ok in passed.items() if ok)
    return Judgement(result.verdict, categories, len(passed), result.to_dict())


def _unjudgeable(slug: str, filename: str, message: str, verdict: Verdict = Verdict.INTERNAL_ERROR) -> RunResult:
    sandbox = {"backend": "none", "enforced": {}, "notes": ["nothing ran"]}
    return RunResult(slug, filename, verdict, sandbox, 0, message=message)


def _database_folder(database: Path) -> tuple[Path, ...]:
    """The database's folder (it holds every submission's source), unless our own copies live in it."""
    folder = database.resolve().parent
    temporary = Path(tempfile.gettempdir()).resolve()
    if temporary == folder or folder in temporary.parents:
        return ()
    return (folder,)
