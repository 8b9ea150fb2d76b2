"""The judge's end of the worker protocol, the same for every backend.

It sends one request at a time, waits at most the wall time the limits allow,
checks the CPU time the kernel accounted, and turns a worker that died, hung,
flooded its output or wrote garbage into a SolutionFailed naming what happened
(a Breach: a fact; the harness alone names the verdict). A failed worker is
killed; the next request starts a fresh one.
"""

from __future__ import annotations

import builtins
import enum
import json
import signal
import time
from dataclasses import dataclass, field

from judge import interrupts
from judge.limits import IDLE_CPU_SHARE, Limits
from judge.sandbox.allowance import CallBounds, RunAllowance, idle_time, sits_idle
from judge.sandbox.base import Box, CapturedOutput, Termination, WorkerGone, WorkerProcess
from judge.sandbox.procfs import own_run_delay_s

# Starting Python (and NumPy, where a solution imports it) is not the solution's time:
# a cold disk may take a while, but an import that computes nothing for this long sleeps.
START_TIMEOUT_S = 20.0
START_IDLE_AFTER_S = 5.0
# How often a running call's CPU time is checked against the limit.
CPU_POLL_S = 0.1
# A call that answers within this long of the last reading of the kernel's CPU figure
# is not read again: reading costs more than the call (130 µs for a local process tree,
# against 80 µs for the round trip), and in this time the box cannot have used more
# than this much CPU per core it runs on, far under any limit. What it used is charged
# at the next reading, which every call later than this, or running longer, takes.
CPU_READ_EVERY_S = 0.005


class Breach(enum.Enum):
    """What a solution did that ended a call or its import, as the trusted side observed it."""

    TIME = "time"  # over its CPU time, waited past its wall time, or the run's allowance is spent
    MEMORY = "memory"  # an allocation failed, or the kernel killed it at its memory limit
    OUTPUT = "output"  # printed more than the output limit, or returned a value too large to send
    FORBIDDEN_IMPORT = "forbidden_import"  # imported a module the problem does not allow
    CRASH = "crash"  # exited, was killed by a signal, or wrote garbage on the judge's channel
    SYNTAX = "syntax"  # the file does not compile (imports only)
    RAISED = "raised"  # the import raised an exception (imports only)


class SolutionFailed(Exception):
    """The solution broke a limit or crashed: the case ends, for the reason `breach` names."""

    def __init__(self, breach: Breach, message: str) -> None:
        super().__init__(message)
        self.breach = breach
        self.message = message

    def __reduce__(self) -> tuple:
        return SolutionFailed, (self.breach, self.message)  # pickled by a forked judge (harness/forked.py)


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

    def is_instance_of(self, exc_type: builtins.type[BaseException]) -> bool:  # the field `type` shadows the builtin
        return f"{exc_type.__module__}.{exc_type.__qualname__}" in self.classes

    def summary(self) -> str:
        return f"{self.type}: {self.message}" if self.message else self.type


class SolutionRaised(Exception):
    """The solution raised an exception from a call (a runtime error unless expected)."""

    def __init__(self, error: RemoteError) -> None:
        super().__init__(error.summary())
        self.error = error

    def __reduce__(self) -> tuple:
        return SolutionRaised, (self.error,)  # pickled by a forked judge (harness/forked.py)


class ImportFailed(Exception):
    """The solution could not be imported; `breach` says why."""

    def __init__(self, breach: Breach, error: RemoteError) -> None:
        super().__init__(error.summary())
        self.breach = breach
        self.error = error

    def __reduce__(self) -> tuple:
        return ImportFailed, (self.breach, self.error)  # pickled by a forked judge (harness/forked.py)


@dataclass
class Reply:
    value: object
    cpu_s: float
    maxrss_kb: int


_REQUEST_ENCODER = json.JSONEncoder(allow_nan=False)  # made once, not per request


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
        self.allowance = RunAllowance(limits)
        # Every call read before and after (a CPU budget sums each call's own figure).
        self.exact_cpu = False
        self._launched = 0.0  # when the current worker was started
        self._mark = _CpuMark(None, None, 0.0)  # the last reading, taken when, of which worker

    def start(self) -> None:
        """Starts a worker and waits for the solution's import; raises ImportFailed."""
        self.launch()
        self.wait_ready()

    def launch(self) -> None:
        """Starts a worker without waiting for it, so that the judge can get ready meanwhile
        (the harness starts pytest); wait_ready() comes before the first request."""
        with interrupts.shielded():  # a worker started is a worker we know of
            self.worker = self.last_worker = self.box.spawn()
        self._launched = time.monotonic()

    def wait_ready(self) -> None:
        """Waits for the launched worker's import of the solution; raises ImportFailed."""
        worker = self.worker
        assert worker is not None, "wait_ready() comes after launch()"
        try:
            line = self._await_hello(worker)
        except WorkerGone:
            failure = self._death(self._discard())
            raise ImportFailed(failure.breach, _import_error(failure.message)) from None
        if line is None:
            self._discard()
            message = f"importing the solution took longer than {START_TIMEOUT_S:g} s, or sat idle"
            raise ImportFailed(Breach.TIME, _import_error(message))
        hello = self._parse(line)
        if not hello.get("ready"):
            self._discard()
            error = RemoteError.from_wire(hello.get("error") or {})
            raise ImportFailed(_import_breach(error), error)
        self._read_cpu(worker)  # the import's CPU time is not the first call's

    def _await_hello(self, worker: WorkerProcess) -> bytes | None:
        """The worker's first line; None when the import takes too long or sleeps (on a call's
        clock: a busy machine's run delay is not the import's time)."""
        clock, before = _CallClock(self._launched), worker.wait_seconds()
        while (elapsed := clock.elapsed()) < START_TIMEOUT_S:
            line = worker.receive(min(START_TIMEOUT_S - elapsed, CPU_POLL_S))
            interrupts.check()
            if line is not None:
                return line
            cpu, now = worker.cpu_seconds(), worker.wait_seconds()
            clock.worker_waited = None if before is None or now is None else now - before
            elapsed = clock.elapsed()
            if cpu is not None and elapsed >= START_IDLE_AFTER_S and cpu < IDLE_CPU_SHARE * elapsed:
                return None
        return None

    def request(self, message: dict) -> dict:
        """Sends one request; returns the raw reply dict of a call that ended normally."""
        interrupts.check()
        if self.allowance.stopped is not None:
            raise SolutionFailed(Breach.TIME, f"not run: {self.allowance.stopped}")
        if self.worker is None:
            self._restart()
        worker = self.worker
        assert worker is not None  # start() returns with a worker or raises
        before = self._mark_before(worker)
        try:
            worker.send(_REQUEST_ENCODER.encode(message).encode())
            line = self._await_reply(worker, before)
        except WorkerGone:
            raise self._death(self._discard()) from None
        reply = self._parse(line)
        self.last_cpu_s = _number(reply.get("cpu_s"))
        self.last_maxrss_kb = int(_number(reply.get("maxrss_kb")))
        return reply

    def _restart(self) -> None:
        """A fresh worker after a failure; its import counts against the run's wall allowance
        (only the first import is free), so failing and restarting cannot go on for ever."""
        self.restarts += 1
        clock = _CallClock(time.monotonic())
        try:
            self.start()
        finally:  # on the calls' clock: a busy machine's run delay is not the restart's cost
            if self.worker is not None:
                clock.worker_waited = self.worker.wait_seconds()  # a new worker: all of its run delay
            self.allowance.charge(0.0, clock.elapsed())

    def _await_reply(self, worker: WorkerProcess, before: _CpuMark) -> bytes:
        """Waits for the reply, stopping the call as soon as any of its clocks runs out.

        The wall clock counts only the time the call could have run: the kernel's run delay
        (ready, but another process had the core) of the worker and of the judge's own thread
        is taken off, so a busy machine never turns into a time verdict; what is left beyond
        the CPU time is the solution's own waiting.
        """
        bounds = self.allowance.bounds()
        clock = _CallClock(time.monotonic())
        while True:
            remaining = bounds.wall_s - clock.elapsed()
            try:
                line = worker.receive(min(remaining, CPU_POLL_S)) if remaining > 0 else None
            except WorkerGone:  # what it used before dying still counts
                cpu = self._used(worker, before, clock)
                self.allowance.charge(cpu or 0.0, clock.elapsed())
                raise
            interrupts.check()
            if line is not None and self._read_later(worker):
                self.allowance.charge(0.0, clock.elapsed())
                self.last_call_cpu_s = 0.0
                return line
            cpu = self._used(worker, before, clock)
            elapsed = clock.elapsed()
            if line is not None:
                over = "CPU" if cpu is not None and cpu > bounds.cpu_s else None  # it answered, but too late
            else:
                over = self._overrun(bounds, cpu, elapsed, worker)
                if over is None:
                    continue
            self.allowance.charge(cpu or 0.0, elapsed, self._idle_time(cpu, elapsed, worker))
            self.last_call_cpu_s = cpu or 0.0
            if over is None:
                assert line is not None  # an unanswered call without a clock run out went on waiting
                return line
            self._discard()
            raise self._timeout(over, bounds, cpu or 0.0, elapsed)

    @staticmethod
    def _idle_time(cpu: float | None, elapsed: float, worker: WorkerProcess) -> float:
        return 0.0 if cpu is None else idle_time(cpu, elapsed, worker.cpu_resolution_s)

    def _overrun(self, bounds: CallBounds, cpu: float | None, elapsed: float, worker: WorkerProcess) -> str | None:
        """Which clock says a call still running must stop now, if any."""
        if elapsed >= bounds.wall_s:
            return "wall"
        if cpu is not None and cpu > bounds.cpu_s:
            return "CPU"
        if cpu is not None and sits_idle(cpu, elapsed, worker.cpu_resolution_s):
            return "idle"
        if self.allowance.idle_spent(self._idle_time(cpu, elapsed, worker)):
            return "run idle"
        return None

    def _timeout(self, clock: str, bounds: CallBounds, cpu: float, elapsed: float) -> SolutionFailed:
        if clock == "idle":
            message = (f"the call sat idle (sleeping or waiting: {cpu:.2f} s of CPU in {elapsed:.1f} s); "
                       "a solution computes, it never waits")
        elif clock == "run idle" or (bounds.cpu_is_run_limit if clock == "CPU" else bounds.wall_is_run_limit):
            self.allowance.stop(f"the run's time allowance is spent: {self.allowance.describe()}")
            message = f"stopped ({clock}): {self.allowance.stopped}"
        else:
            message = self._time_message(clock)
        return SolutionFailed(Breach.TIME, message)

    def call(self, message: dict) -> Reply:
        """Like request, but a solution exception raises SolutionRaised."""
        reply = self.request(message)
        if reply.get("ok"):
            return Reply(reply.get("value"), self.last_cpu_s, self.last_maxrss_kb)
        error = RemoteError.from_wire(reply.get("error") or {})
        if error.is_instance_of(MemoryError):
            self._discard()
            raise SolutionFailed(Breach.MEMORY, self._memory_message())
        if error.type == "OutputLimitExceeded":
            self._discard()
            raise SolutionFailed(Breach.OUTPUT, self._output_message())
        if error.type == "ReplyTooLarge":
            raise SolutionFailed(Breach.OUTPUT, f"the returned value is too large: {error.message}")
        if error.type == "ForbiddenImport":  # an import no static check could see (importlib, __import__)
            raise SolutionFailed(Breach.FORBIDDEN_IMPORT, error.message)
        raise SolutionRaised(error)

    def output(self) -> CapturedOutput:
        """Everything printed so far; still readable after the last worker was discarded."""
        worker = self.worker or self.last_worker
        return worker.output() if worker is not None else CapturedOutput()

    def close(self) -> CapturedOutput:
        """Ends the worker before its box is closed; returns everything the solution printed
        during the run (read first: the box's close removes it)."""
        captured = self.output()
        worker = self._detach()
        if worker is not None:
            worker.let_go()
        return captured

    # ------------------------------------------------------------ internals

    def _detach(self) -> WorkerProcess | None:
        """The current worker, which from now on is no longer this client's to call."""
        worker, self.worker = self.worker, None
        return worker

    def _discard(self) -> Termination:
        worker = self._detach()
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
                Breach.CRASH,
                "the solution wrote into the judge's private channel (the reply was not valid protocol data)",
            ) from None

    def _read_cpu(self, worker: WorkerProcess) -> _CpuMark:
        self._mark = _CpuMark(worker, worker.cpu_seconds(), time.monotonic(), worker.wait_seconds())
        return self._mark

    def _mark_before(self, worker: WorkerProcess) -> _CpuMark:
        """The reading a call's figures count from: the last one when it is recent.

        A fresh reading charges the run with what the box used since the last one: the
        quick calls that were not read, and whatever the solution left running between calls.
        """
        if self._mark.recent(worker) and not self.exact_cpu:
            return self._mark
        last = self._mark
        mark = self._read_cpu(worker)
        if last.worker is worker and last.cpu_s is not None and mark.cpu_s is not None:
            self.allowance.charge(max(0.0, mark.cpu_s - last.cpu_s), 0.0)
        return mark

    def _read_later(self, worker: WorkerProcess) -> bool:
        """True when a call that answered needs no reading now (see CPU_READ_EVERY_S)."""
        return not self.exact_cpu and self._mark.recent(worker)

    def _used(self, worker: WorkerProcess, before: _CpuMark, clock: _CallClock) -> float | None:
        """The call's CPU time so far (with what went unread since the last reading); None when
        the backend cannot tell. Tells the call's clock the worker's run delay meanwhile."""
        now = self._read_cpu(worker)
        clock.worker_waited = None if before.wait_s is None or now.wait_s is None else now.wait_s - before.wait_s
        return None if before.cpu_s is None or now.cpu_s is None else max(0.0, now.cpu_s - before.cpu_s)

    def _time_message(self, clock: str) -> str:
        if clock == "wall":
            return (f"the call ran for {self.limits.wall_per_call_s:g} s without finishing or using its CPU time "
                    f"(the limit is {self.limits.time_per_call_s:g} s of CPU): it was waiting, not computing")
        return f"the call used more than the time limit of {self.limits.time_per_call_s:g} s of CPU"

    def _output_message(self) -> str:
        return f"the solution printed more than the output limit of {self.limits.output_kb} KiB"

    def _memory_message(self) -> str:
        return f"the solution ran out of memory under the limit of {self.limits.memory_mb} MiB"

    def _death(self, termination: Termination) -> SolutionFailed:
        """Names what killed a worker mid-call."""
        if termination.output_exceeded:
            return SolutionFailed(Breach.OUTPUT, self._output_message())
        if termination.oom_killed or _near_limit(termination, self.limits):
            return SolutionFailed(Breach.MEMORY, self._memory_message())
        if termination.cpu_exceeded:
            return SolutionFailed(Breach.TIME, self._time_message("CPU"))
        return SolutionFailed(Breach.CRASH, describe_exit(termination))

class _CallClock:
    """A call's wall time less the kernel's run delay of its worker (as last read) and of the
    judge's own thread: the time the call could have run. Time the solution spends sleeping
    or blocked is nobody's run delay, so it stays on this clock."""

    def __init__(self, started: float) -> None:
        self.started = started
        self.worker_waited: float | None = None
        self.judge_wait_before = own_run_delay_s()

    def elapsed(self) -> float:
        wall = time.monotonic() - self.started
        waited = max(0.0, self.worker_waited or 0.0) + max(0.0, own_run_delay_s() - self.judge_wait_before)
        return max(0.0, wall - waited)


@dataclass(frozen=True)
class _CpuMark:
    """One reading of a worker's CPU time (None when the backend cannot tell) and when it was taken."""

    worker: WorkerProcess | None
    cpu_s: float | None
    taken: float
    wait_s: float | None = None  # the worker's run delay (WorkerProcess.wait_seconds)

    def recent(self, worker: WorkerProcess) -> bool:
        return self.worker is worker and self.cpu_s is not None and time.monotonic() - self.taken < CPU_READ_EVERY_S


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


def _import_breach(error: RemoteError) -> Breach:
    if error.type == "SyntaxError" or any(m.endswith("SyntaxError") for m in error.classes):
        return Breach.SYNTAX
    if error.type == "ForbiddenImport":
        return Breach.FORBIDDEN_IMPORT
    if error.is_instance_of(MemoryError):
        return Breach.MEMORY
    return Breach.RAISED
