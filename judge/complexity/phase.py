"""The complexity phase: drive the worker's `measure` op, then classify.

`measure(problem, client, seed)` is the entry point the harness calls after the
hidden tests. Inputs are built here (trusted declaration code), sent once, and
the worker times the declared call on fresh copies; everything that comes back
is untrusted data that only feeds the report.
"""

from __future__ import annotations

import random
import time
from typing import Any, Protocol

from judge.complexity import declare
from judge.complexity.declare import Call, Case, Declaration
from judge.complexity.fit import MEMORY_FLOOR_BYTES, Point, classify
from judge.complexity.result import AxisResult, ComplexityResult
from judge.complexity.schedule import Budget, doubling_sizes, plan_rounds, should_grow
from judge.limits import Limits

# The worker's time for its fixed piece of work on the machine the budgets were set on,
# and how far a machine may be from it before the budgets stop following.
NOMINAL_SPEED_S = 0.0045
MIN_SLOWNESS, MAX_SLOWNESS = 0.5, 4.0


class Client(Protocol):
    def request(self, message: dict) -> dict: ...


class MeasurementStopped(Exception):
    """The solution failed (raised, crashed, hit a limit) while being measured."""


def measure(problem: Any, client: Client, seed: int, budget: Budget | None = None) -> ComplexityResult | None:
    """Measure and classify the solution behind `client`; None when the problem declares nothing."""
    declaration = declare.load(problem.directory)
    if declaration is None:
        return None
    limits = getattr(problem, "limits", None) or Limits()
    budget = (budget or Budget()).for_call_limit(limits.time_per_call_s)
    return Session(declaration, client, seed, budget).run()


class Session:
    """One measurement phase against one worker."""

    def __init__(self, declaration: Declaration, client: Client, seed: int, budget: Budget) -> None:
        self.declaration = declaration
        self.client = client
        self.seed = seed
        self.budget = budget
        self.worker_cpu = 0.0
        self.notes: list[str] = []
        self.calibration: dict[int, tuple[float, int]] = {}  # n -> (seconds per call, calls per batch)
        self.samples: dict[int, list[float]] = {}  # n -> seconds per call, one per batch

    def run(self) -> ComplexityResult:
        started = time.perf_counter()
        peaks: dict[int, list[float]] = {}
        try:
            self.budget = self.budget.scaled(self._slowness())
            self._calibrate(self.budget.max_call_s)
            self._time_rounds()
            self._resolve_uncertainty()
            if self.declaration.memory_class is not None:
                peaks = self._memory()
            self._request({"action": "drop"})
        except MeasurementStopped as exc:
            self.notes.append(f"measurement stopped: {exc}")
        return self._result(self.samples, peaks, time.perf_counter() - started)

    # ------------------------------------------------------------ phases

    def _calibrate(self, max_call_s: float, at_most: int | None = None) -> int:
        """Single-call time and batch repeat per new size, ascending, until too slow.

        Returns how many sizes were added; inputs are built and sent only for
        the sizes the solution reaches.
        """
        added = 0
        for n in doubling_sizes(*self.declaration.sizes):
            if n in self.calibration:
                continue
            times = [t for _, (t, _) in sorted(self.calibration.items())]
            if (at_most is not None and added >= at_most) or not should_grow(times, max_call_s):
                break
            case = encode_case(self.declaration.build(n, random.Random(f"{self.seed}:{n}")))
            message = {"action": "calibrate", "key": n, "case": case, "min_batch_s": self.budget.min_batch_s}
            per_call, repeat = self._request(message)
            self.calibration[n] = (float(per_call), int(repeat))
            # The calibration call is a sample too: a cold first call can only be slower.
            self.samples[n] = [float(per_call)]
            added += 1
        return added

    def _time_rounds(self) -> None:
        times = {n: t for n, (t, _) in self.calibration.items()}
        for sizes in plan_rounds(times, self.budget, self.seed):
            self._time(sizes)

    def _time(self, sizes: list[int]) -> None:
        order = [[n, self.calibration[n][1]] for n in sizes]
        for n, seconds in self._request({"action": "time", "order": order}):
            self.samples[int(n)].append(float(seconds))

    def _resolve_uncertainty(self) -> None:
        """When growth sits between two bands, or the sizes reached are too few or span too little
        to classify (a slow solution stops growing early), measure up to two larger sizes.

        A quadratic with a small constant (slicing copies memory at ~20 GB/s)
        only dominates its linear part at large n; this spends extra time only
        on such unclear cases, never on clean ones.
        """
        for _ in range(self.budget.max_extensions):
            if classify(self._points(), self.declaration.time_class).relation not in ("uncertain", "inconclusive"):
                return
            if not self._calibrate(self.budget.extension_call_s, at_most=1):
                return
            top = sorted(self.calibration)[-4:]
            self._time(top)
            self.notes.append(f"growth unclear: measured up to n = {top[-1]} to decide")

    def _points(self) -> tuple[Point, ...]:
        return tuple(Point.from_samples(n, s) for n, s in sorted(self.samples.items()) if s)

    def _slowness(self) -> float:
        """This machine's time for a fixed piece of work against the nominal machine's, now:
        the budgets are scaled by it, so the sizes reached do not depend on the machine."""
        seconds = float(self._request({"action": "speed"}))
        return min(MAX_SLOWNESS, max(MIN_SLOWNESS, seconds / NOMINAL_SPEED_S))

    def _memory(self) -> dict[int, list[float]]:
        """One traced call per size, at every doubling of the declared memory range.

        Peaks are counted allocations: the sizes are fixed, never chosen by the clock. The
        clock only ends the pass, when a traced call (tracemalloc slows allocations up to
        15x) costs more than the budget allows; the fit then sees fewer sizes, and says
        inconclusive when they span less than a decade.
        """
        peaks: dict[int, list[float]] = {}
        started = self.worker_cpu
        for n in doubling_sizes(*self.declaration.memory_range):
            before = self.worker_cpu
            peaks[n] = [self._traced_peak(n)]
            cost = self.worker_cpu - before
            if cost > self.budget.memory_call_s or self.worker_cpu - started > self.budget.memory_s:
                if n < self.declaration.memory_range[1]:
                    self.notes.append(f"memory traced up to n = {n} only: the traced call took {cost:.2f} s")
                break
        return peaks

    def _traced_peak(self, n: int) -> float:
        body: dict[str, Any] = {"action": "memory", "key": n}
        if n not in self.calibration:
            body["case"] = encode_case(self.declaration.build(n, random.Random(f"{self.seed}:{n}")))
        return float(self._request(body))

    # ------------------------------------------------------------ plumbing

    def _request(self, body: dict) -> Any:
        from judge.sandbox import wire
        from judge.sandbox.client import SolutionFailed

        try:
            reply = self.client.request({"op": "measure", **body})
        except SolutionFailed as exc:
            raise MeasurementStopped(f"{exc.breach.value}: {exc}") from exc
        self.worker_cpu += float(reply.get("cpu_s") or 0.0)
        if not reply.get("ok"):
            error = reply.get("error") or {}
            raise MeasurementStopped(f"the solution raised {error.get('type')}: {error.get('message', '')}"[:300])
        return wire.decode(reply.get("value"))

    def _result(self, samples: dict[int, list[float]], peaks: dict[int, list[float]], wall: float) -> ComplexityResult:
        declaration = self.declaration
        time_points = self._points()
        time_axis = AxisResult("time", "s", time_points, classify(time_points, declaration.time_class))
        memory_axis = None
        if declaration.memory_class is not None:
            memory_points = tuple(Point.from_samples(n, s) for n, s in sorted(peaks.items()) if s)
            fit = classify(memory_points, declaration.memory_class, floor=MEMORY_FLOOR_BYTES)
            memory_axis = AxisResult("memory", "bytes", memory_points, fit)
        return ComplexityResult(
            size=declaration.size,
            time=time_axis,
            memory=memory_axis,
            wall_s=wall,
            worker_cpu_s=self.worker_cpu,
            notes=tuple(self.notes),
        )


def encode_case(case: Case) -> dict:
    """A Case as protocol data (arguments in the wire's tagged encoding)."""
    return {
        "timed": _encode_call(case.timed),
        "construct": None if case.construct is None else _encode_call(case.construct),
        "setup": [_encode_call(call) for call in case.setup],
        "reuse_instance": case.reuse_instance,
    }


def _encode_call(call: Call) -> dict:
    from judge.sandbox import wire

    return {
        "name": call.name,
        "args": [wire.encode(a) for a in call.args],
        "kwargs": {k: wire.encode(v) for k, v in call.kwargs.items()},
    }
