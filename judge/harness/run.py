"""Judges one solution against one problem: the harness's single entry point."""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import gc
import os
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from judge import interrupts
from judge.complexity import declare
from judge.harness import kept_data
from judge.harness.complexity_lane import ComplexityLane
from judge.harness.forked import Forked, Link
from judge.harness.judgement import verdict_of
from judge.harness.opening import BoxOpening
from judge.harness.results import HiddenTestResults, RunResult
from judge.harness.sharing import Share, Sharing
from judge.harness.static import inspect_solution, stated_complexity
from judge.problems import Problem
from judge.sandbox import spin
from judge.sandbox.base import Backend, Job
from judge.sandbox.client import ImportFailed, WorkerClient
from judge.sandbox.output import joined_output
from judge.verdicts import Verdict

if TYPE_CHECKING:  # pytest and Hypothesis are imported once the run's box is opening (session.py)
    import pytest

    from judge.harness.plugin import HiddenTestPlugin, Progress

JUDGE_PACKAGE = Path(__file__).resolve().parents[1]


def judge_solution(
    problem: Problem,
    solution: Path,
    backend: Backend,
    *,
    seed: int = 0,
    progress: Progress | None = None,
    measure_complexity: bool = True,
    hidden_paths: tuple[Path, ...] = (),
    parallel: bool = False,
) -> RunResult:
    """Judges `solution`. `parallel` spreads the run over the machine's cores, for a caller that
    leaves them idle (`judge run`): the hidden tests shared with a partner process (_Partner), the
    complexity measured alongside them in a process of its own (complexity_lane.py)."""
    started = time.monotonic()
    # Replaced by the box's own isolation once one opens; a solution rejected before that ran nowhere.
    not_started = {"backend": backend.name, "enforced": {}, "notes": ["nothing ran: the solution was rejected "
                                                                        "before its sandbox started"]}
    result = RunResult(problem.slug, str(solution), Verdict.ACCEPTED, not_started, seed)
    finding = inspect_solution(solution, problem)
    if finding is not None:
        result.verdict, result.message = finding.verdict, finding.message
    else:
        kept = kept_data.folder()  # made before any box opens: hidden from the solution like the rest
        hidden = (problem.directory.parent, JUDGE_PACKAGE, *hidden_paths, *([kept] if kept else []))
        job = Job(solution.resolve(), problem.limits, problem.allowed_modules, hidden)
        with spin.switched_off() if parallel else contextlib.nullcontext(), \
                kept_data.kept_for(problem.slug, (problem.hidden_tests_path, problem.reference_path), kept):
            _judge_in_boxes(result, problem, backend, job, progress, measure_complexity, parallel)
    result.duration_s = time.monotonic() - started
    return result


def _judge_in_boxes(result: RunResult, problem: Problem, backend: Backend, job: Job, progress: Progress | None,
                    measure_complexity: bool, parallel: bool) -> None:
    partner = _Partner(problem, backend, job) if parallel else None
    lane = ComplexityLane(problem, backend, job, result.seed) if parallel and measure_complexity else None
    try:
        if lane is not None:
            lane.start()
        with BoxOpening(backend, job, problem.kind) as opening:
            try:
                _run_in_box(result, problem, opening, progress, lane or measure_complexity, partner)
            finally:
                if opening.box is not None:
                    result.sandbox = opening.box.isolation.to_dict()
        theirs = partner.results if partner is not None else None
        result.output = opening.output if theirs is None else \
            joined_output(opening.output, theirs.output, problem.limits.output_bytes)
    finally:
        # Both, whatever happens: a signal that stopped the run is raised again as the first of them
        # leaves a shielded section, and the other would outlive the judge.
        with interrupts.shielded():
            if partner is not None:
                partner.stop()  # nothing to do when its result was taken
            if lane is not None:
                lane.cancel()  # nothing to do when its result was taken


def _run_in_box(result: RunResult, problem: Problem, opening: BoxOpening, progress: Progress | None,
                measure: bool | ComplexityLane, partner: _Partner | None = None) -> None:
    """`measure`: False, True (measure here after the tests) or the lane measuring alongside.
    `partner`: a process sharing the hidden tests with this one."""
    declaration = declare.load(problem.directory) if measure else None
    fixed = declaration.fixed_letters if declaration is not None else frozenset()
    claims = stated_complexity(Path(result.solution), fixed)  # the text the sandbox is about to import
    # pytest and Hypothesis, imported while the box opens (0.14 s): the lane was forked without them.
    from judge.harness.session import run_hidden_tests  # noqa: PLC0415

    try:
        with _heap_frozen():
            if partner is None:
                tests = run_hidden_tests(problem, opening.connect, result.seed, progress)
                tests.stopped = _allowance_stopped(opening)
            else:
                mine = run_hidden_tests(problem, opening.connect, result.seed, partner.counted_in(progress),
                                        share=Share(partner.sharing, 1, partner.start))
                mine.stopped = _allowance_stopped(opening)
                assert not measure or isinstance(measure, ComplexityLane)
                # Nothing else runs in this box (the lane measures in its own): it is removed while
                # the partner and the lane finish, not after them (a Docker box: 0.06 s).
                opening.close()
                tests = mine.joined(partner.result())
    except ImportFailed as failure:
        result.verdict = verdict_of(failure)
        result.message = _import_message(result.solution, failure)
        return
    result.cases, result.not_run = tests.cases, tests.not_run
    stopped = tests.stopped
    result.not_run_reason = stopped or ""
    result.verdict = Verdict.worst(case.verdict for case in result.cases)
    if stopped:  # a run stopped for time is over time, whatever its cases said
        result.verdict = Verdict.worst([result.verdict, Verdict.TIME_LIMIT_EXCEEDED])
    if measure and result.verdict is Verdict.ACCEPTED:
        measured = measure.result() if isinstance(measure, ComplexityLane) else \
            _measure(problem, _open_client(opening), result.seed)
        result.complexity = None if measured is None else dataclasses.replace(measured, claims=claims)
        interrupts.check()


@contextlib.contextmanager
def _heap_frozen() -> Iterator[None]:
    """The garbage collector leaves what exists now alone (the judge's, pytest's and Hypothesis's
    modules: they live as long as the process) until the end: each full collection of the hidden
    tests skips them, 0.05 CPU s a run here and as much in the partner forked meanwhile. Thawed at
    the end, so a process that judges run after run (a contest worker) frees what a run left."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


class _Partner:
    """A forked judge process that shares the hidden tests with this one, category by category
    (sharing.py), against a worker in a box of its own: same solution, same limits, an allowance
    of its own (docs/limits.md). On two cores the tests keep about one busy alone (the judge
    generates and checks, the worker answers, in turns); two such pairs keep both busy.

    It is forked from inside this process's pytest session once the tests are collected and this
    worker is ready: the partner starts testing at once, with nothing to start, import or collect
    again (0.3 CPU s it would otherwise spend), and never when the solution did not import."""

    def __init__(self, problem: Problem, backend: Backend, job: Job) -> None:
        self.problem, self.backend, self.job = problem, backend, job
        self.sharing = Sharing()
        self.process: Forked | None = None
        self.results: HiddenTestResults | None = None  # its share, once handed back

    def start(self, plugin: HiddenTestPlugin, session: pytest.Session) -> None:
        self.process = Forked(functools.partial(self._share, plugin, session))
        self.process.start()  # known before it forks: stop() ends it whenever a signal comes

    def _share(self, plugin: HiddenTestPlugin, session: pytest.Session, link: Link) -> None:
        """The partner's whole work, in the forked process: Hypothesis's files and the box are its own.
        Its results go back once its worker has stopped, and its box is removed meanwhile."""
        from judge.harness.session import hypothesis_storage  # noqa: PLC0415 - imported before the fork

        with hypothesis_storage(), BoxOpening(self.backend, self.job, self.problem.kind) as opening:
            plugin.run_as_partner(session, opening.connect, link.progress)
            assert opening.client is not None  # the tests ran: connect() returned
            stopped = opening.client.allowance.stopped
            output = opening.close_worker()
            link.hand_back(HiddenTestResults(plugin.cases, plugin.not_run, plugin.order, stopped, output))

    def counted_in(self, progress: Progress | None) -> Progress | None:
        """`progress` with the partner's finished tests counted too."""
        if progress is None:
            return None
        own = progress
        return lambda done, total, name: own(done + (self.process.progress() if self.process else 0), total, name)

    def result(self) -> HiddenTestResults:
        assert self.process is not None, "started once the tests ran"
        self.results = self.process.result()
        return self.results

    def stop(self) -> None:
        if self.process is not None:
            self.process.stop()


def _open_client(opening: BoxOpening) -> WorkerClient:
    assert opening.client is not None  # the tests ran (connect() returned) and the box is still open
    return opening.client


def _allowance_stopped(opening: BoxOpening) -> str | None:
    """Why this process's allowance stopped its tests, if it did."""
    return _open_client(opening).allowance.stopped


def _import_message(solution: str, failure: ImportFailed) -> str:
    error = failure.error
    where = f"{solution}, line {error.line}" if error.line else solution
    lines = [f"{where}: {error.summary()}", *error.traceback]
    return "\n".join(lines)


def _measure(problem: Problem, client: WorkerClient, seed: int):
    from judge.complexity import measure

    return measure(problem, client, seed)


def default_hidden_paths(data_dir: Path | None) -> tuple[Path, ...]:
    """Folders beyond the judge's own installation that the worker must not see: its data
    directory, and those named in $JUDGE_HIDE (os.pathsep-separated; `judge grade` puts
    the graded tree there, so no solution reads the others)."""
    paths = [Path(p) for p in os.environ.get("JUDGE_HIDE", "").split(os.pathsep) if p]
    if data_dir is not None:
        paths.append(data_dir)
    return tuple(p for p in paths if p.is_dir() and os.access(p, os.R_OK))

