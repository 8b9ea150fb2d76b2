"""Judges one solution against one problem: the harness's single entry point."""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import importlib
import importlib.util
import io
import os
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType

import pytest

# Hypothesis imports the plugins other installed packages register (trio's costs 0.1 s at
# every start): hidden tests run with Hypothesis alone, as pytest runs them with its
# Hypothesis plugin alone (run_hidden_tests). Set before Hypothesis is first imported.
os.environ.setdefault("HYPOTHESIS_NO_PLUGINS", "1")

from hypothesis import HealthCheck, Phase, Verbosity, settings
from hypothesis.configuration import set_hypothesis_home_dir

from judge import interrupts, scratch
from judge.errors import ProblemConfigError
from judge.harness import local_constants, unicode_tables
from judge.harness.complexity_lane import ComplexityLane
from judge.harness.forked import Forked
from judge.harness.opening import BoxOpening
from judge.harness.plugin import HiddenTestPlugin, Progress
from judge.harness.proxy import SolutionProxy
from judge.harness.results import CaseResult, RunResult
from judge.harness.sharing import Share, Sharing
from judge.harness.static import inspect_solution, stated_complexity
from judge.problems import Problem
from judge.sandbox import spin
from judge.sandbox.base import Backend, CapturedOutput, Job
from judge.sandbox.client import ImportFailed, WorkerClient
from judge.sandbox.output import joined_output
from judge.verdicts import Verdict

# pytest imports Hypothesis's plugin (with xml.etree, 20 ms) at the first session of a process:
# here instead, once, before a run forks its partner.
importlib.import_module("_hypothesis_pytestplugin")

HIDDEN_TESTS_INI = Path(__file__).with_name("hidden_tests.ini")
# pytest's own plugins that hidden tests have no use for: 35 ms of every run together, 22 ms of
# it the two full garbage collections with which unraisableexception ends a session.
UNUSED_PYTEST_PLUGINS = [
    arg for name in ("unraisableexception", "threadexception", "faulthandler", "debugging", "doctest", "junitxml",
                     "legacypath", "nose", "pastebin", "setuponly", "setupplan", "stepwise")
    for arg in ("-p", f"no:{name}")
]
JUDGE_PACKAGE = Path(__file__).resolve().parents[1]


@dataclasses.dataclass
class HiddenTestResults:
    """What a run of the hidden tests, or of a share of them, yields."""

    cases: list[CaseResult]
    not_run: list[str]  # left out once the allowance said stop
    order: list[str]  # every hidden test's name, in collection order, whichever share ran it
    stopped: str | None = None  # why the allowance stopped (a share run in a process of its own)
    output: CapturedOutput = dataclasses.field(default_factory=CapturedOutput)  # idem: its worker's output

    def joined(self, other: HiddenTestResults) -> HiddenTestResults:
        """Both shares' results in collection order, as one process running all would list them."""
        position = {name: index for index, name in enumerate(self.order)}
        return HiddenTestResults(
            cases=sorted(self.cases + other.cases, key=lambda case: position[case.name]),
            not_run=sorted(self.not_run + other.not_run, key=position.__getitem__),
            order=self.order,
            stopped=self.stopped or other.stopped,
        )


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
        hidden = (problem.directory.parent, JUDGE_PACKAGE, *hidden_paths)
        job = Job(solution.resolve(), problem.limits, problem.allowed_modules, hidden)
        with spin.switched_off() if parallel else contextlib.nullcontext():
            _judge_in_boxes(result, problem, backend, job, progress, measure_complexity, parallel)
    result.duration_s = time.monotonic() - started
    return result


def _judge_in_boxes(result: RunResult, problem: Problem, backend: Backend, job: Job, progress: Progress | None,
                    measure_complexity: bool, parallel: bool) -> None:
    partner = _Partner(problem, backend, job) if parallel else None
    lane = ComplexityLane(problem, backend, job, result.seed).start() if parallel and measure_complexity else None
    try:
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
        if partner is not None:
            partner.stop()  # nothing to do when its result was taken
        if lane is not None:
            lane.cancel()  # nothing to do when its result was taken


def _run_in_box(result: RunResult, problem: Problem, opening: BoxOpening, progress: Progress | None,
                measure: bool | ComplexityLane, partner: _Partner | None = None) -> None:
    """`measure`: False, True (measure here after the tests) or the lane measuring alongside.
    `partner`: a process sharing the hidden tests with this one."""
    claims = stated_complexity(Path(result.solution))  # the text the sandbox is about to import
    try:
        if partner is None:
            tests = run_hidden_tests(problem, opening.connect, result.seed, progress)
        else:
            mine = run_hidden_tests(problem, opening.connect, result.seed, partner.counted_in(progress),
                                    share=Share(partner.sharing, 1, partner.start))
            tests = mine.joined(partner.result())
    except ImportFailed as failure:
        result.verdict = failure.verdict
        result.message = _import_message(result.solution, failure)
        return
    client = opening.client
    assert client is not None  # the tests ran: connect() returned
    result.cases, result.not_run = tests.cases, tests.not_run
    stopped = client.allowance.stopped or tests.stopped
    result.not_run_reason = stopped or ""
    result.verdict = Verdict.worst(case.verdict for case in result.cases)
    if stopped:  # a run stopped for time is over time, whatever its cases said
        result.verdict = Verdict.worst([result.verdict, Verdict.TIME_LIMIT_EXCEEDED])
    if measure and result.verdict is Verdict.ACCEPTED:
        measured = measure.result() if isinstance(measure, ComplexityLane) else _measure(problem, client, result.seed)
        result.complexity = None if measured is None else dataclasses.replace(measured, claims=claims)
        interrupts.check()


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

    def _share(self, plugin: HiddenTestPlugin, session: pytest.Session,
               report: Callable[[int], None]) -> HiddenTestResults:
        """The partner's whole work, in the forked process: Hypothesis's files and the box are its own."""
        with _hypothesis_storage(), BoxOpening(self.backend, self.job, self.problem.kind) as opening:
            plugin.run_as_partner(session, opening.connect, report)
            assert opening.client is not None  # the tests ran: connect() returned
            stopped = opening.client.allowance.stopped
        return HiddenTestResults(plugin.cases, plugin.not_run, plugin.order, stopped, opening.output)

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


def _import_message(solution: str, failure: ImportFailed) -> str:
    error = failure.error
    where = f"{solution}, line {error.line}" if error.line else solution
    lines = [f"{where}: {error.summary()}", *error.traceback]
    return "\n".join(lines)


def run_hidden_tests(problem: Problem, connect: Callable[[], SolutionProxy], seed: int, progress: Progress | None,
                     share: Share | None = None) -> HiddenTestResults:
    """The hidden tests' results, and the names of those left out when the run's allowance ran out.

    `connect()` is called once the tests are collected, before the first one runs (it waits
    for the worker); what it raises (ImportFailed, SandboxError) is raised here, after pytest
    ended. With `share`, only the categories this process claims run here (sharing.py).
    """
    plugin = HiddenTestPlugin(connect, load_reference(problem), progress, share)
    args = [
        str(problem.hidden_tests_path),
        "-c", str(HIDDEN_TESTS_INI),
        # Rooted at the problems directory, each problem's tests get their own module name.
        "--rootdir", str(problem.directory.parent),
        "-p", "no:cacheprovider",
        # Only the plugins named here: none that this machine happens to have installed joins
        # the hidden tests (anyio's alone costs 0.15 s of imports per run).
        "--disable-plugin-autoload", "-p", "_hypothesis_pytestplugin",
        *UNUSED_PYTEST_PLUGINS,
        "--noconftest",  # a conftest.py lying around the problems must not join the run
        "--import-mode=importlib",
        # Hidden tests state expectations with judge.testing (a bare assert would be a bug of theirs,
        # reported as internal_error): rewriting their asserts only cost 10 ms a run.
        "--assert=plain",
        f"--hypothesis-seed={seed}",
        "-q",
    ]
    try:
        with _hypothesis_profile(problem), _hypothesis_storage(), local_constants.only_from(problem.hidden_tests_path), \
                contextlib.redirect_stdout(io.StringIO()) as log:
            code = pytest.main(args, plugins=[plugin])
    finally:
        _forget_module(problem.hidden_tests_path)
    interrupts.check()  # pytest turns a signal into "interrupted" and returns: never a verdict
    if plugin.ready_error is not None:
        raise plugin.ready_error
    if code not in (pytest.ExitCode.OK, pytest.ExitCode.TESTS_FAILED) or not plugin.order:
        # pytest's log quotes the hidden tests: only for whoever runs the judge, never in a report.
        details = f":\n{log.getvalue()[-2000:]}" if os.environ.get("JUDGE_DEBUG") else " (JUDGE_DEBUG=1 shows why)"
        raise ProblemConfigError(
            f"{problem.hidden_tests_path}: the hidden tests could not run (pytest exit {int(code)}){details}"
        )
    return HiddenTestResults(plugin.cases, plugin.not_run, plugin.order)


def _forget_module(path: Path) -> None:
    """The next run imports the hidden tests afresh, with nothing left from this run's plugin."""
    for name, module in list(sys.modules.items()):
        if getattr(module, "__file__", None) == str(path):
            del sys.modules[name]


@contextlib.contextmanager
def _hypothesis_profile(problem: Problem):
    """Deterministic, quiet Hypothesis settings for one run; the previous profile comes back after."""
    previous = getattr(settings, "_current_profile", None) or "default"
    name = f"judge-{problem.slug}"
    settings.register_profile(
        name,
        max_examples=problem.max_examples,
        deadline=None,
        database=None,
        print_blob=False,
        report_multiple_bugs=False,
        derandomize=False,
        suppress_health_check=list(HealthCheck),
        phases=[Phase.explicit, Phase.generate, Phase.shrink],
        verbosity=Verbosity.quiet,
    )
    settings.load_profile(name)
    try:
        yield
    finally:
        settings.load_profile(previous)


@contextlib.contextmanager
def _hypothesis_storage() -> Iterator[None]:
    """Hypothesis's files (its cache of the hidden tests' constants) in a private temporary
    folder for the run: never in the user's working directory, never readable afterwards."""
    with scratch.folder("hypothesis") as path:
        unicode_tables.seed(path)  # saves 1.6 s per run of hidden tests that draw any text
        set_hypothesis_home_dir(path)
        try:
            yield
        finally:
            set_hypothesis_home_dir(None)


def load_reference(problem: Problem) -> ModuleType:
    """The reference solution, imported in the judge process (it never enters the sandbox)."""
    name = f"judge_reference_{problem.slug}"
    spec = importlib.util.spec_from_file_location(name, problem.reference_path)
    if spec is None or spec.loader is None:  # no loader for the file's suffix
        raise ProblemConfigError(f"{problem.reference_path}: the reference cannot be imported: not a Python source file")
    module = importlib.util.module_from_spec(spec)
    try:
        spec.loader.exec_module(module)
    except Exception as exc:
        raise ProblemConfigError(f"{problem.reference_path}: the reference cannot be imported: {exc}") from exc
    return module


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

