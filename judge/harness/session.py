"""The pytest session that runs a problem's hidden tests, under Hypothesis, against a worker.

Imported by run.py once a run's box is opening and its complexity lane is forked:
pytest and Hypothesis take 0.14 s to import, which the box's start then hides
(a Docker container takes 0.1 s, its worker 0.1 s more), and the lane, which
needs neither, is forked without them.
"""

from __future__ import annotations

import contextlib
import importlib
import importlib.util
import io
import os
import sys
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
from judge.harness.plugin import HiddenTestPlugin, Progress
from judge.harness.proxy import SolutionProxy
from judge.harness.results import HiddenTestResults
from judge.harness.sharing import Share
from judge.problems import Problem

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
        with _hypothesis_profile(problem), hypothesis_storage(), local_constants.only_from(problem.hidden_tests_path), \
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
def hypothesis_storage() -> Iterator[None]:
    """Hypothesis's files (whatever it caches about the hidden tests) in a private temporary
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
