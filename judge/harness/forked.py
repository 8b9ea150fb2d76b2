"""A function run in a forked copy of the judge, its result (or exception) handed back pickled.

`judge run` runs its partner (a share of the hidden tests) and its complexity
measurement this way (docs/architecture.md). A fork starts in milliseconds with
everything already imported, where a fresh interpreter would pay the 0.3 s of
imports again. The child has only the thread that forked: it never touches what
the parent's other threads may hold (a progress bar's console, a box being
opened), and it writes to no inherited stream.

The child lives only as long as its function: it exits with os._exit, never
running the parent's `finally` blocks or exit handlers twice, and it gets
SIGTERM when the parent ends, even by SIGKILL (prctl). It installs the signal
handlers of judge.interrupts, so SIGINT or SIGTERM stop the child's function as
they stop a run: every `finally` on the way out removes its sandbox; one sent at
the moment of the fork waits until the child is inside its `try`. The parent's
stop() sends SIGTERM and waits for that; a child that handed back its result
(Link.hand_back) is left to finish its clean-up, and waited for.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import signal
import sys
import time
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any

from judge import interrupts

STOP_WAIT_S = 15.0  # a child removing a container after SIGTERM; then SIGKILL (the stale sweep is the backstop)
REAP_POLL_S = 0.02


class ChildDied(RuntimeError):
    """The child ended without handing back a result: a bug of ours, reported as internal_error."""


class Link:
    """The child's end of the pipe, given to its function: progress counts for the parent, and
    the result handed back early, before the child's own clean-up (removing a container takes
    0.05 s the parent need not wait for: it waits, at stop(), while it removes its own)."""

    def __init__(self, sender: Connection) -> None:
        self._sender = sender
        self.handed_back = False

    def progress(self, count: int) -> None:
        self._sender.send(("progress", count))

    def hand_back(self, value: Any) -> None:
        """The function's result, now; what the function returns afterwards is not sent."""
        with interrupts.shielded():
            self._sender.send(("result", value))
            self.handed_back = True


class Forked:
    """`function(link)` in a child process, from start(): its return value (or the value it
    handed back with link.hand_back), or its exception, comes back to result()."""

    def __init__(self, function: Callable[[Link], Any]) -> None:
        self.function = function
        self.pid: int | None = None
        self._receiver: Connection | None = None
        self._progress = 0
        self._outcome: tuple[str, Any] | None = None

    def start(self) -> Forked:
        """Forks. A signal that comes meanwhile is raised once the child is known here, so that
        the caller's stop() ends it; the child lets its own in once it is ready to clean up."""
        receiver, sender = multiprocessing.Pipe(duplex=False)
        parent = os.getpid()
        with interrupts.shielded():
            with interrupts.held_at_the_door():
                pid = os.fork()
                if pid == 0:
                    receiver.close()
                    _child(parent, self.function, sender)  # never returns
            sender.close()
            self.pid, self._receiver = pid, receiver
        return self

    def progress(self) -> int:
        """The last count the child reported; never blocks."""
        while self._outcome is None and self._receiver is not None and self._receiver.poll(0):
            self._take(self._receive())
        return self._progress

    def result(self) -> Any:
        """Waits for the child's result: its return value, or its exception raised here. The child
        may still be cleaning up: stop() waits for that."""
        while self._outcome is None:
            self._take(self._receive())
        kind, value = self._outcome
        if kind == "interrupted":
            raise interrupts.Interrupted(value)  # the child was stopped: so is the run
        if kind == "error":
            raise value
        return value

    def stop(self) -> None:
        """Ends the child if it still runs and reaps it. One that sent its outcome is only cleaning
        up, and is left to finish; any other gets SIGTERM, so that it removes its sandbox."""
        with interrupts.shielded():
            if self.pid is not None:
                if self._outcome is None:
                    _signal(self.pid, signal.SIGTERM)
                if self._reap(STOP_WAIT_S) is None:
                    _signal(self.pid, signal.SIGKILL)
                    self._reap(None)
            if self._receiver is not None:
                self._receiver.close()

    def _receive(self) -> tuple[str, Any]:
        assert self._receiver is not None, "start() first"
        try:
            return self._receiver.recv()
        except (EOFError, OSError) as exc:
            status = self._reap(STOP_WAIT_S)
            raise ChildDied(f"a forked judge process (pid {self.pid}) ended without a result "
                            f"({_describe(status)})") from exc

    def _take(self, message: tuple[str, Any]) -> None:
        kind, value = message
        if kind == "progress":
            self._progress = value
        else:
            self._outcome = message

    def _reap(self, timeout_s: float | None) -> int | None:
        """Waits for the child to end (at most `timeout_s`); its wait status, None if it still runs."""
        if self.pid is None:
            return 0
        deadline = None if timeout_s is None else time.monotonic() + timeout_s
        while True:
            pid, status = os.waitpid(self.pid, os.WNOHANG if deadline is not None else 0)
            if pid:
                self.pid = None
                return status
            if deadline is not None and time.monotonic() >= deadline:
                return None
            time.sleep(REAP_POLL_S)


def _child(parent: int, function: Callable[[Link], Any], sender: Connection) -> None:
    code, link = 0, Link(sender)
    # Another thread (a progress bar's) may have held the streams' locks when the judge forked:
    # the child writes to neither; what it has to say goes back through `sender`.
    sys.stdout = sys.stderr = open(os.devnull, "w")  # noqa: SIM115 - ends with the process
    try:
        # Whether or not the parent installed them: a stopped child still removes its sandbox.
        interrupts.start_forked_child(parent)
        outcome: tuple[str, Any] = ("result", function(link))
    except interrupts.Interrupted as exc:
        outcome, code = ("interrupted", exc.signum), exc.exit_code
    except BaseException as exc:  # noqa: BLE001 - every failure goes back to the parent, raised there
        outcome, code = ("error", _picklable(exc)), 1
    try:
        if not link.handed_back:  # once it has, a failure of its clean-up is the child's exit code alone
            with interrupts.shielded():
                sender.send(outcome)
    except BaseException:  # noqa: BLE001 - the parent is gone or stopping us: nothing left to tell
        code = code or 1
    finally:
        os._exit(code)


def _picklable(exc: BaseException) -> BaseException:
    try:
        pickle.loads(pickle.dumps(exc))
    except Exception:  # noqa: BLE001 - any exception class that does not survive the trip
        return RuntimeError(f"{type(exc).__name__}: {exc}")
    return exc


def _signal(pid: int, signum: int) -> None:
    try:
        os.kill(pid, signum)
    except ProcessLookupError:
        pass


def _describe(status: int | None) -> str:
    if status is None:
        return "still running"
    if os.WIFSIGNALED(status):
        return f"killed by {signal.Signals(os.WTERMSIG(status)).name}"
    return f"exit {os.waitstatus_to_exitcode(status)}"
