"""The interface every sandbox backend implements.

A Backend opens one Box per judging run (a temporary directory, a container);
the Box spawns fresh WorkerProcesses, one at a time, each running worker.py
against the solution. The protocol on top (sandbox/client.py) is backend-neutral.
"""

from __future__ import annotations

import abc
from dataclasses import dataclass
from pathlib import Path

from judge.limits import Limits


class WorkerGone(Exception):
    """The worker's channel closed: it exited, crashed or was killed."""


@dataclass(frozen=True)
class Isolation:
    """What a backend actually enforces, as reported to the user.

    `enforced` maps a protection (e.g. "network_namespace") to whether it is in
    force; `notes` says, in words, what is missing and why.
    """

    backend: str
    enforced: dict[str, bool]
    notes: tuple[str, ...] = ()

    def to_dict(self) -> dict:
        return {"backend": self.backend, "enforced": dict(self.enforced), "notes": list(self.notes)}


@dataclass(frozen=True)
class Probe:
    """Whether a backend can run here, and the isolation it would give."""

    name: str
    available: bool
    reason: str
    isolation: Isolation | None = None


@dataclass(frozen=True)
class Job:
    """Everything a Box needs to know about one judging run."""

    solution: Path
    limits: Limits
    allowed_modules: tuple[str, ...] = ()
    # Paths of ours the worker must not see (problems, judge sources, data dir).
    hidden_paths: tuple[Path, ...] = ()
    # A background job (the complexity lane) yields the CPU to the run's hidden tests: its worker
    # runs at this niceness. Its figures are CPU times, which the scheduler's order does not change.
    nice: int = 0


@dataclass(frozen=True)
class Termination:
    """How a worker ended, as the trusted side observed it."""

    exit_code: int | None = None
    signal: int | None = None
    oom_killed: bool = False
    output_exceeded: bool = False
    cpu_exceeded: bool = False
    peak_memory_kb: int | None = None


@dataclass
class CapturedOutput:
    """The solution's stdout and stderr, capped."""

    stdout: str = ""
    stderr: str = ""
    truncated: bool = False

    def to_dict(self) -> dict:
        return {"stdout": self.stdout, "stderr": self.stderr, "truncated": self.truncated}


class WorkerProcess(abc.ABC):
    """One running worker. Lines are single JSON documents without the newline."""

    @abc.abstractmethod
    def send(self, line: bytes) -> None: ...

    @abc.abstractmethod
    def receive(self, timeout_s: float) -> bytes | None:
        """The next line, None on timeout; raises WorkerGone when the channel closed."""

    # A request went out and its reply has not been waited for yet: the first wait spins
    # briefly (judge/sandbox/spin.py), the polls of a long call do not.
    just_sent: bool = False

    # How stale or coarse cpu_seconds() may be: a call's CPU time is known only to
    # within this. The client does not call a call idle on evidence finer than it.
    cpu_resolution_s: float = 0.01

    @abc.abstractmethod
    def cpu_seconds(self) -> float | None:
        """CPU time used by the worker's whole process tree so far, per the kernel.

        Called every 100 ms while a call runs: it must be cheap (no engine round trip).
        """

    def wait_seconds(self) -> float | None:
        """Time the worker's threads so far spent ready to run while other processes had the
        cores (the kernel's run delay); None when the backend cannot tell. A busy machine
        makes a call's wall time longer by this much without the solution waiting at all."""
        return None

    @abc.abstractmethod
    def terminate(self) -> Termination:
        """Kill the worker and everything it started; idempotent."""

    def let_go(self) -> None:
        """Ends the worker whose box is about to be closed (which ends whatever is left in it),
        without waiting for its exit status; a later terminate() still collects it."""
        self.terminate()

    @abc.abstractmethod
    def output(self) -> CapturedOutput: ...


class Box(abc.ABC):
    """The sandbox of one judging run."""

    @property
    @abc.abstractmethod
    def isolation(self) -> Isolation:
        """What confines the box's workers (a backend may learn some of it only as the box runs)."""

    @abc.abstractmethod
    def spawn(self) -> WorkerProcess: ...

    @abc.abstractmethod
    def close(self) -> None:
        """Remove everything the box created; idempotent, safe on every path."""

    def __enter__(self) -> Box:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class Backend(abc.ABC):
    name: str

    @abc.abstractmethod
    def probe(self) -> Probe: ...

    @abc.abstractmethod
    def open(self, job: Job) -> Box: ...

