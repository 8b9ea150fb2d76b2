"""The complexity phase, measured in a second sandbox while the hidden tests run.

The hidden tests keep the cores busy only in turns: the judge generates an
input, the worker answers. The complexity phase runs meanwhile, in a forked
judge process of its own (forked.py: no thread shares the tests' interpreter
lock) against a worker in a box of its own (same solution, same limits, same
isolation), and the run ends when the slower of them does instead of after
all. The process and its worker are niced: the tests take the cores first,
the measurement fills the gaps. It times on the worker's own CPU clock and keeps
the minimum of its rounds (docs/complexity.md), so sharing the machine with the
tests only adds time it throws away; the accuracy benchmark measures the same
classifier with one core kept busy.

The measurement is speculative: it only reaches the report when every hidden
test passed, as before. When a test fails, the lane is stopped (SIGTERM, so
its box is removed). Its worker has its own run allowance (docs/limits.md):
its requests are few and bounded by the phase's budget, and charging them to
the tests' allowance would let a measurement cut the tests short.
"""

from __future__ import annotations

import dataclasses
import os
from typing import Any

from judge import interrupts
from judge.harness.forked import Forked, Link
from judge.problems import Problem
from judge.sandbox.base import Backend, Box, Job
from judge.sandbox.client import ImportFailed, SolutionFailed, WorkerClient

# The measuring process's and its worker's niceness: the hidden tests' judges and workers take turns on
# the cores first (a round trip waits for a core otherwise), the measurement, timed on its own CPU clock,
# fills the gaps. Only that much: at niceness 10 the measurement of weekly_buckets outlasted its tests and
# ended its runs alone on one core (0.07-0.19 s longer; the other problems alike either way; measured with
# benchmarks/judge_speed.py --compare-with).
LANE_NICENESS = 5


class ComplexityLane:
    """Runs `measure(problem, client, seed)` in a forked process, in its own box."""

    def __init__(self, problem: Problem, backend: Backend, job: Job, seed: int) -> None:
        self.problem, self.backend, self.seed = problem, backend, seed
        self.job = dataclasses.replace(job, nice=LANE_NICENESS)
        self._process: Forked | None = None

    def start(self) -> None:
        self._process = Forked(self._measure_in_a_box)
        self._process.start()  # known before it forks: cancel() ends it whenever a signal comes

    def result(self) -> Any:
        """The ComplexityResult (or None when the problem declares nothing); waits for it."""
        assert self._process is not None, "start() first"
        return self._process.result()

    def cancel(self) -> None:
        """Stops the measurement if it still runs and waits until its box is removed."""
        if self._process is not None:
            self._process.stop()

    def _measure_in_a_box(self, link: Link) -> None:
        os.nice(LANE_NICENESS)
        box: Box | None = None
        try:
            with interrupts.shielded():
                box = self.backend.open(self.job)
            link.hand_back(self._measure(box))  # its worker stopped: the box is removed meanwhile
        finally:
            if box is not None:
                with interrupts.shielded():
                    box.close()

    def _measure(self, box: Box) -> Any:
        from judge.complexity import measure

        client = WorkerClient(box, self.problem.limits)
        try:
            return measure(self.problem, _StartedOnFirstRequest(client), self.seed)
        finally:
            with interrupts.shielded():
                client.close()


class _StartedOnFirstRequest:
    """The measurement's view of the worker: started at the first request (a problem that
    declares nothing never starts one)."""

    def __init__(self, client: WorkerClient) -> None:
        self.client = client
        self.started = False

    def request(self, message: dict) -> dict:
        if not self.started:
            self.started = True
            try:
                self.client.start()
            except ImportFailed as failure:  # imported once for the tests, failed here: rare, and only a note
                raise SolutionFailed(failure.breach, f"the solution did not import: {failure.error.summary()}") from None
        return self.client.request(message)
