"""The in-process pytest plugin that runs a problem's hidden tests.

It provides the `solution` and `reference` fixtures, resets the proxy's call
record before every Hypothesis example, and turns each test's outcome into a
CaseResult. An exception that is none of the solution's failures is a bug of
ours (or of the hidden tests), and is reported as internal_error.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from types import ModuleType
from typing import Any

import pytest

from judge.harness.api import WrongAnswer
from judge.harness.judgement import verdict_of
from judge.harness.proxy import SolutionProxy
from judge.harness.results import CaseResult
from judge.harness.sharing import Share
from judge.sandbox.client import SolutionFailed, SolutionRaised
from judge.verdicts import Verdict

Progress = Callable[[int, int, str], None]


class HiddenTestPlugin:
    def __init__(self, connect: Callable[[], SolutionProxy], reference: ModuleType,
                 progress: Progress | None = None, share: Share | None = None) -> None:
        """`connect()` gives the solution's proxy once its worker is ready; with `share`, only the
        categories this process claims run here (sharing.py)."""
        self.connect = connect
        self.proxy: SolutionProxy
        self.share = share
        self.order: list[str] = []  # every collected test's name, in collection order
        self._category_index: dict[str, int] = {}
        self.reference_module = reference
        self.progress = progress or (lambda done, total, name: None)
        self.ready_error: Exception | None = None
        self.cases: list[CaseResult] = []
        self.not_run: list[str] = []
        self.total = 0

    def pytest_configure(self, config: pytest.Config) -> None:
        config.addinivalue_line("markers", "judge_category(name): the edge-case category of a hidden test")

    @pytest.fixture
    def solution(self) -> SolutionProxy:
        self.proxy.new_case()
        return self.proxy

    @pytest.fixture
    def reference(self) -> ModuleType:
        return self.reference_module

    def pytest_collection_modifyitems(self, items: list[pytest.Item]) -> None:
        self.order = [item.name for item in items]
        for item in items:
            self._category_index.setdefault(_category(item), len(self._category_index))
            hypothesis = getattr(getattr(item, "obj", None), "hypothesis", None)
            if hypothesis is not None:
                hypothesis.inner_test = self._per_example(hypothesis.inner_test)

    def _per_example(self, inner: Callable) -> Callable:
        @functools.wraps(inner)
        def run_example(*args: Any, **kwargs: Any) -> Any:
            self.proxy.new_example()
            return inner(*args, **kwargs)

        return run_example

    def pytest_collection_finish(self, session: pytest.Session) -> None:
        self.total = len(self.order)  # progress counts every test, whichever process runs it
        self.progress(0, self.total, "")

    @pytest.hookimpl(tryfirst=True)
    def pytest_runtestloop(self, session: pytest.Session) -> bool | None:
        """The box opened and the worker started while pytest started and collected: no test
        runs before the worker imported the solution, and none runs at all when that failed."""
        try:
            self.proxy = self.connect()
            if self.share is not None and self.share.start_partner is not None:
                session.items.reverse()  # process 1 runs from the last test (sharing.py)
                self.share.start_partner(self, session)
        except Exception as exc:  # noqa: BLE001 - raised again once pytest ended (ImportFailed, SandboxError)
            self.ready_error = exc
            return True
        return None

    def run_as_partner(self, session: pytest.Session, connect: Callable[[], SolutionProxy],
                       report: Callable[[int], None]) -> None:
        """In the partner, forked from inside process 1's test loop hook: the same collected
        session, run from its first test to its last against the partner's own worker."""
        assert self.share is not None
        self.share = Share(self.share.sharing, 2)
        self.connect, self.progress = connect, lambda done, total, name: report(done)
        self.proxy = connect()
        items = self._partner_order(session.items[::-1])  # process 1 reversed them before it forked
        for position, item in enumerate(items):
            following = items[position + 1] if position + 1 < len(items) else None
            item.ihook.pytest_runtest_protocol(item=item, nextitem=following)

    def _partner_order(self, collected: list[pytest.Item]) -> list[pytest.Item]:
        """The second-to-last category first, then the rest in collection order: process 1 starts
        with the last (sharing.py), and a file of hidden tests ends with its costliest categories."""
        second_to_last = len(self._category_index) - 2
        return sorted(collected, key=lambda item: self._category_index[_category(item)] != second_to_last)

    @pytest.hookimpl(tryfirst=True)
    def pytest_runtest_protocol(self, item: pytest.Item) -> bool | None:
        """A test of another process's category is left to it; once the run's allowance says
        stop, the remaining tests are listed, not run."""
        if self.share is not None and not self.share.sharing.claim(self._category_index[_category(item)],
                                                                   self.share.process):
            return True
        if self.proxy.allowance.stopped is None:
            return None
        self.not_run.append(item.name)
        self.progress(len(self.cases) + len(self.not_run), self.total, item.name)
        return True

    @pytest.hookimpl(hookwrapper=True)
    def pytest_runtest_makereport(self, item: pytest.Item, call: pytest.CallInfo) -> Any:
        outcome = yield
        report = outcome.get_result()
        if report.when == "call" or (report.when == "setup" and report.failed):
            self.cases.append(self._case(item, call))
            self.progress(len(self.cases), self.total, item.name)

    def _case(self, item: pytest.Item, call: pytest.CallInfo) -> CaseResult:
        case = CaseResult(
            name=item.name,
            category=_category(item),
            verdict=Verdict.ACCEPTED,
            time_ms=self.proxy.cpu_s * 1000,
            memory_kb=self.proxy.peak_kb,
        )
        if call.excinfo is not None:
            self._describe_failure(case, _most_telling(call.excinfo.value))
        if case.verdict is Verdict.TIME_LIMIT_EXCEEDED:
            self.proxy.allowance.count_timeout()
        return case

    def _describe_failure(self, case: CaseResult, exc: BaseException) -> None:
        in_call = "raised" if isinstance(exc, SolutionRaised) else \
            verdict_of(exc).label if isinstance(exc, SolutionFailed) else ""
        case.counterexample = self.proxy.counterexample(in_call) or None
        if isinstance(exc, WrongAnswer):
            case.verdict, case.message = Verdict.WRONG_ANSWER, exc.message
            case.expected, case.actual = exc.expected, exc.actual
        elif isinstance(exc, SolutionFailed):
            case.verdict, case.message = verdict_of(exc), exc.message
        elif isinstance(exc, SolutionRaised):
            case.verdict, case.message = Verdict.RUNTIME_ERROR, exc.error.summary()
            case.traceback = exc.error.traceback
        else:
            case.verdict = Verdict.INTERNAL_ERROR
            case.message = f"the hidden test itself failed ({type(exc).__name__}: {exc}); this is a bug of the judge"
            case.counterexample = None


def _category(item: pytest.Item) -> str:
    marker = item.get_closest_marker("judge_category")
    return str(marker.args[0]) if marker and marker.args else "general"


def _most_telling(exc: BaseException) -> BaseException:
    """Unwraps exception groups (Hypothesis' flaky reports) to the solution's own failure."""
    if isinstance(exc, BaseExceptionGroup):
        inner = [_most_telling(e) for e in exc.exceptions]
        ours = [e for e in inner if isinstance(e, (WrongAnswer, SolutionFailed, SolutionRaised))]
        return (ours or inner)[0]
    return exc
