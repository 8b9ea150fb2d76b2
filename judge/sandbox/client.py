"""The judge's end of the worker protocol, the same for every backend.

It sends one request at a time, waits at most the wall time the limits allow,
checks the CPU time the kernel accounted, and turns a worker that died, hung,
flooded its output or wrote garbage into a SolutionFailed with the right
verdict. A failed worker is killed; the next request starts a fresh one.
"""

from __future__ import annotations

import json
import signal
import time
from dataclasses import dataclass, field

from judge.limits import Limits
from judge.sandbox.base import Box, CapturedOutput, Termination, WorkerGone, WorkerProcess
from judge.verdicts import Verdict

# Starting Python (and NumPy, where a solution imports it) is not the solution's time.
START_TIMEOUT_S = 20.0
# How often a running call's CPU time is checked against the limit.
CPU_POLL_S = 0.1


class SolutionFailed(Exception):
    """The solution broke a limit or crashed: the case ends with `verdict`."""

    def __init__(self, verdict: Verdict, message: str) -> None:
        super().__init__(message)
        self.verdict = verdict
        self.message = message


@dataclass
class RemoteError:
    """An exception raised by the solution, as data."""

    type: str
    classes: list[str]
    message: str
    traceback: list[str] = field(default_factory=list)
    line: int | None = None
    offset: int | None = None
    text: str = ""

    @classmethod
    def from_wire(cls, data: dict) -> RemoteError:
        return cls(
            type=str(data.get("type", "?")),
            classes=[str(m) for m in data.get("mro", [])],
            message=str(data.get("message", "")),
            traceback=[str(t) for t in data.get("traceback", [])],
            line=data.get("line"),
            offset=data.get("offset"),
            text=str(data.get("text", "")),
        )

    def is_instance_of(self, exc_type: type[BaseException]) -> bool:
        return f"{exc_type.__module__}.{exc_type.__qualname__}" in self.classes

    def summary(self) -> str:
        return f"{self.type}: {self.message}" if self.message else self.type


class SolutionRaised(Exception):
    """The solution raised an exception from a call (a runtime error unless expected)."""

    def __init__(self, error: RemoteError) -> None:
        super().__init__(error.summary())
        self.error = error


class ImportFailed(Exception):
    """The solution could not be imported; `verdict` says why."""

    def __init__(self, verdict: Verdict, error: RemoteError) -> None:
        super().__init__(error.summary())
        self.verdict = verdict
        self.error = error


@dataclass
class Reply:
    value: object
    cpu_s: float
    maxrss_kb: int


class WorkerClient:
    """Serves requests through a Box's workers, replacing a worker after any failure."""

    def __init__(self, box: Box, limits: Limits) -> None:
        self.box = box
        self.limits = limits
        self.worker: WorkerProcess | None = None
        # The last worker, kept after it is discarded: the run's output is still read through it.
        self.last_worker: WorkerProcess | None = None
        self.restarts = 0
        # The worker's own (untrusted, report-only) figures for the last reply.
        self.last_cpu_s = 0.0
        self.last_maxrss_kb = 0
        # CPU time of the last call as the kernel accounted it (trusted; budgets rest on it).
        self.last_call_cpu_s = 0.0

    def start(self) -> None:
        """Starts a worker and waits for the solution's import; raises ImportFailed."""
        self.worker = self.last_worker = self.box.spawn()
        try:
            line = self.worker.receive(START_TIMEOUT_S)
        except WorkerGone:
            failure = self._death(self._discard())
            raise ImportFailed(failure.verdict, _import_error(failure.message)) from None
        if line is None:
            self._discard()
            message = f"importing the solution took longer than {START_TIMEOUT_S:g} s"
            raise ImportFailed(Verdict.TIME_LIMIT_EXCEEDED, _import_error(message))
        hello = self._parse(line)
        if not hello.get("ready"):
            self._discard()
            error = RemoteError.from_wire(hello.get("error") or {})
            raise ImportFailed(_import_verdict(error), error)

    def request(self, message: dict) -> dict:
        """Sends one request; returns the raw reply dict of a call that ended normally."""
        if self.worker is None:
            self.restarts += 1
            self.start()
        worker = self.worker
        cpu_before = worker.cpu_seconds()
        try:
            worker.send(json.dumps(message, allow_nan=False).encode())
            line = self._await_reply(worker, cpu_before)
        except WorkerGone:
            raise self._death(self._discard()) from None
        reply = self._parse(line)
        self.last_cpu_s = _number(reply.get("cpu_s"))
        self.last_maxrss_kb = int(_number(reply.get("maxrss_kb")))
        self.last_call_cpu_s = self._cpu_used(worker, cpu_before)
        if self.last_call_cpu_s > self.limits.time_per_call_s:
            raise SolutionFailed(Verdict.TIME_LIMIT_EXCEEDED, self._time_message("CPU"))
        return reply

    def _await_reply(self, worker: WorkerProcess, cpu_before: float | None) -> bytes:
        """Waits for the reply, stopping the call as soon as either clock runs out."""
        deadline = time.monotonic() + self.limits.wall_per_call_s
        while True:
            remaining = deadline - time.monotonic()
            line = worker.receive(min(remaining, CPU_POLL_S)) if remaining > 0 else None
            if line is not None:
                return line
            if remaining <= 0:
                clock = "wall-clock"
            elif self._cpu_used(worker, cpu_before) > self.limits.time_per_call_s:
                clock = "CPU"
            else:
                continue
            self._discard()
            raise SolutionFailed(Verdict.TIME_LIMIT_EXCEEDED, self._time_message(clock))

    def call(self, message: dict) -> Reply:
        """Like request, but a solution exception raises SolutionRaised."""
        reply = self.request(message)
        if reply.get("ok"):
            return Reply(reply.get("value"), self.last_cpu_s, self.last_maxrss_kb)
        error = RemoteError.from_wire(reply.get("error") or {})
        if error.is_instance_of(MemoryError):
            self._discard()
            raise SolutionFailed(Verdict.MEMORY_LIMIT_EXCEEDED, self._memory_message())
        if error.type == "OutputLimitExceeded":
            self._discard()
            raise SolutionFailed(Verdict.OUTPUT_LIMIT_EXCEEDED, self._output_message())
        if error.type == "ReplyTooLarge":
            raise SolutionFailed(Verdict.OUTPUT_LIMIT_EXCEEDED, f"the returned value is too large: {error.message}")
        if error.type == "ForbiddenImport":  # an import no static check could see (importlib, __import__)
            raise SolutionFailed(Verdict.FORBIDDEN_IMPORT, error.message)
        raise SolutionRaised(error)

    def output(self) -> CapturedOutput:
        """Everything printed so far; still readable after the last worker was discarded."""
        worker = self.worker or self.last_worker
        return worker.output() if worker is not None else CapturedOutput()

    def close(self) -> CapturedOutput:
        """Stops the worker; returns everything the solution printed during the run."""
        captured = self.output()
        self._discard()
        return captured

    # ------------------------------------------------------------ internals

    def _discard(self) -> Termination:
        worker, self.worker = self.worker, None
        return worker.terminate() if worker is not None else Termination()

    def _parse(self, line: bytes) -> dict:
        try:
            message = json.loads(line)
            if not isinstance(message, dict):
                raise ValueError("not an object")
            return message
        except ValueError:
            self._discard()
            raise SolutionFailed(
                Verdict.RUNTIME_ERROR,
                "the solution wrote into the judge's private channel (the reply was not valid protocol data)",
            ) from None

    @staticmethod
    def _cpu_used(worker: WorkerProcess, cpu_before: float | None) -> float:
        cpu_now = worker.cpu_seconds()
        return 0.0 if cpu_before is None or cpu_now is None else cpu_now - cpu_before

    def _time_message(self, clock: str) -> str:
        return (
            f"the call exceeded the time limit of {self.limits.time_per_call_s:g} s CPU "
            f"({self.limits.wall_per_call_s:g} s wall) on the {clock} clock"
        )

    def _output_message(self) -> str:
        return f"the solution printed more than the output limit of {self.limits.output_kb} KiB"

    def _memory_message(self) -> str:
        return f"the solution ran out of memory under the limit of {self.limits.memory_mb} MiB"

    def _death(self, termination: Termination) -> SolutionFailed:
        """Names what killed a worker mid-call."""
        if termination.output_exceeded:
            return SolutionFailed(Verdict.OUTPUT_LIMIT_EXCEEDED, self._output_message())
        if termination.oom_killed or _near_limit(termination, self.limits):
            return SolutionFailed(Verdict.MEMORY_LIMIT_EXCEEDED, self._memory_message())
        if termination.cpu_exceeded:
            return SolutionFailed(Verdict.TIME_LIMIT_EXCEEDED, self._time_message("CPU"))
        return SolutionFailed(Verdict.RUNTIME_ERROR, describe_exit(termination))

def _number(value: object) -> float:
    """A figure from the worker: untrusted, so anything but a plain number counts as 0."""
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) and value >= 0 else 0.0


def _near_limit(termination: Termination, limits: Limits) -> bool:
    """A worker killed by the kernel at the edge of its memory counts as out of memory."""
    peak = termination.peak_memory_kb or 0
    return termination.signal in (signal.SIGKILL, signal.SIGSEGV, signal.SIGABRT) and peak * 1024 > 0.9 * limits.memory_bytes


def describe_exit(termination: Termination) -> str:
    if termination.signal is not None:
        try:
            name = signal.Signals(termination.signal).name
        except ValueError:
            name = f"signal {termination.signal}"
        hint = " (a segmentation fault: often recursion too deep for the C stack)" if name == "SIGSEGV" else ""
        return f"the solution's process was killed by {name}{hint}"
    return f"the solution's process exited with code {termination.exit_code} in the middle of a call"


def _import_error(message: str) -> RemoteError:
    return RemoteError("ImportError", [], f"while importing the solution: {message}")


def _import_verdict(error: RemoteError) -> Verdict:
    if error.type == "SyntaxError" or any(m.endswith("SyntaxError") for m in error.classes):
        return Verdict.COMPILE_ERROR
    if error.type == "ForbiddenImport":
        return Verdict.FORBIDDEN_IMPORT
    if error.is_instance_of(MemoryError):
        return Verdict.MEMORY_LIMIT_EXCEEDED
    return Verdict.RUNTIME_ERROR
