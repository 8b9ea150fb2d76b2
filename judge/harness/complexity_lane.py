"""The complexity phase, measured in a second sandbox while the hidden tests run.

The hidden tests keep one core busy at most: the judge generates an input, the
worker answers, never both at once. On a machine with a second core the
complexity phase runs there meanwhile, against a worker of its own in a box of
its own (same solution, same limits, same isolation), and the run ends when the
slower of the two does instead of after both. The phase times on the worker's
own CPU clock and keeps the minimum of its rounds (docs/complexity.md), so
sharing the machine with the tests only adds time it throws away; the accuracy
benchmark measures the same classifier with one core kept busy.

The measurement is speculative: it only reaches the report when every hidden
test passed, as before. When a test fails, the lane is cancelled between two
requests and its box removed. Its worker has its own run allowance (docs/limits.md):
its requests are few and bounded by the phase's budget, and charging them to
the tests' allowance would let a measurement cut the tests short.
"""

from __future__ import annotations

import dataclasses
import threading
from typing import Any

from judge import interrupts
from judge.problems import Problem
from judge.sandbox.base import Backend, Box, Job
from judge.sandbox.client import ImportFailed, SolutionFailed, WorkerClient

JOIN_TIMEOUT_S = 30.0  # a request in flight ends within the per-call wall limit; this is a backstop
# The measuring worker's niceness: the hidden tests' judge and worker take turns on the cores first
# (a round trip waits for a core otherwise), the measurement, timed on its own CPU clock, fills the gaps.
LANE_NICENESS = 10


class Cancelled(Exception):
    """The hidden tests failed: the measurement is not wanted any more."""


class ComplexityLane:
    """Runs `measure(problem, client, seed)` on a thread, in its own box."""

    def __init__(self, problem: Problem, backend: Backend, job: Job, seed: int) -> None:
        self.problem, self.backend, self.seed = problem, backend, seed
        self.job = dataclasses.replace(job, nice=LANE_NICENESS)
        self._cancel = threading.Event()
        self._outcome: Any = None
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="judge-complexity", daemon=True)

    def start(self) -> ComplexityLane:
        self._thread.start()
        return self

    def result(self) -> Any:
        """The ComplexityResult (or None when the problem declares nothing); waits for it."""
        self._thread.join()
        if self._error is not None:
            raise self._error
        return self._outcome

    def cancel(self) -> None:
        """Stops the measurement at its next request and waits until its box is removed."""
        self._cancel.set()
        self._thread.join(JOIN_TIMEOUT_S)

    def _run(self) -> None:
        try:
            self._outcome = self._measure_in_a_box()
        except Cancelled:
            pass
        except BaseException as exc:  # noqa: BLE001 - a signal too: handed to the main thread
            self._error = exc

    def _measure_in_a_box(self) -> Any:
        box: Box | None = None
        try:
            with interrupts.shielded():
                box = self.backend.open(self.job)
            return self._measure(box)
        finally:
            if box is not None:
                with interrupts.shielded():
                    box.close()

    def _measure(self, box: Box) -> Any:
        from judge.complexity import measure

        client = WorkerClient(box, self.problem.limits)
        try:
            return measure(self.problem, _Cancellable(client, self._cancel), self.seed)
        finally:
            with interrupts.shielded():
                client.close()


class _Cancellable:
    """The measurement's view of the worker: started at the first request (a problem that
    declares nothing never starts one), and every request first checks for cancellation."""

    def __init__(self, client: WorkerClient, cancel: threading.Event) -> None:
        self.client, self.cancel = client, cancel
        self.started = False

    def request(self, message: dict) -> dict:
        if self.cancel.is_set():
            raise Cancelled
        if not self.started:
            self.started = True
            try:
                self.client.start()
            except ImportFailed as failure:  # imported once for the tests, failed here: rare, and only a note
                raise SolutionFailed(failure.verdict, f"the solution did not import: {failure.error.summary()}") from None
        return self.client.request(message)
