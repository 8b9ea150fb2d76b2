"""SIGINT, SIGTERM and SIGHUP end a run cleanly, whatever it is doing.

A CI runner or a supervisor stops the judge with SIGTERM, a closed terminal
sends SIGHUP, a person presses Ctrl-C: each becomes an `Interrupted` exception
raised where the run is, so every `finally` and `with` on the way out removes
its sandbox. Three rules make that hold:

- Sections that create or remove a sandbox are `shielded()`: a signal arriving
  there is held until the section ends, so a box is never half made or half
  removed. The held signal is raised on the way out.
- Code that could swallow the exception (pytest catches KeyboardInterrupt and
  returns "interrupted"; a solution's exception handling never runs here, but
  Hypothesis and pytest are not ours) is followed by `check()`, which raises it
  again: an interrupted run can never go on to a verdict.
- A third signal gives up on cleaning up and exits at once. Not in a process
  the judge forked (start_forked_child): Ctrl-C, which reaches the whole
  process group, is its parent's to act on, and the parent's SIGTERM, on top
  of the group's, must not make it leave a sandbox behind. A parent that gives
  up ends it with SIGKILL after a while, or it gets SIGTERM as the parent dies.

Only `install()` touches the process's signal handlers (the CLI calls it); the
rest works, and does nothing, without it.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from typing import Any

HANDLED = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)
GIVE_UP_AFTER = 3  # signals
PR_SET_PDEATHSIG = 1  # prctl(2)


class Interrupted(KeyboardInterrupt):
    """The run was stopped by a signal; everything it made is being removed."""

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum

    @property
    def exit_code(self) -> int:
        return 128 + self.signum  # what a shell reports for death by that signal; 130 for SIGINT


def describe(exc: KeyboardInterrupt) -> tuple[str, int]:
    """The signal's name and the exit code for it (a plain KeyboardInterrupt is SIGINT)."""
    signum = exc.signum if isinstance(exc, Interrupted) else signal.SIGINT
    return signal.Signals(signum).name, 128 + signum


class _State:
    def __init__(self) -> None:
        self.received: int | None = None
        self.count = 0
        self.shield_depth = 0
        self.gives_up = True

    def on_signal(self, signum: int, frame: object) -> None:
        self.count += 1
        if self.received is None:
            self.received = signum
        if self.gives_up and self.count >= GIVE_UP_AFTER:
            os._exit(128 + self.received)
        if self.count == 1 and self.shield_depth == 0:
            raise Interrupted(signum)


_state = _State()


def install() -> None:
    """Turns the three signals into Interrupted in this (main) thread."""
    if threading.current_thread() is not threading.main_thread():
        return
    for signum in HANDLED:
        signal.signal(signum, _state.on_signal)
    if not isinstance(sys.unraisablehook, _QuietAboutInterrupted):
        sys.unraisablehook = _QuietAboutInterrupted(sys.unraisablehook)


class _QuietAboutInterrupted:
    """Python prints, and then drops, an exception raised where nobody can catch it: in a garbage
    collector's callback (Hypothesis keeps one), in a __del__. A signal landing there is no error
    of anyone's: it is not printed (a traceback where the user pressed Ctrl-C), and the next
    check() raises it again, where the run can stop (before every call to the solution)."""

    def __init__(self, previous: Callable[[Any], object]) -> None:
        self.previous = previous

    def __call__(self, unraisable: Any) -> None:
        if not isinstance(unraisable.exc_value, Interrupted):
            self.previous(unraisable)


def check() -> None:
    """Raises Interrupted if a signal came, even if someone swallowed the first one. Only ever
    in the main thread: the one Python runs signal handlers in, whose `finally` blocks clean up."""
    if _state.received is not None and _state.shield_depth == 0 and _in_main_thread():
        raise Interrupted(_state.received)


def pending() -> Interrupted | None:
    """The signal that came, if one did: an exception that surfaced meanwhile is its doing (Python
    3.11 wraps one raised in a class body's __set_name__ in a RuntimeError, for one)."""
    return Interrupted(_state.received) if _state.received is not None else None


@contextlib.contextmanager
def shielded() -> Iterator[None]:
    """A section that must finish: a signal arriving inside is raised when it ends. In another
    thread, which no signal interrupts, this does nothing (the main thread waits for it)."""
    if not _in_main_thread():
        yield
        return
    _state.shield_depth += 1
    try:
        yield
    finally:
        _state.shield_depth -= 1
    check()


@contextlib.contextmanager
def held_at_the_door() -> Iterator[None]:
    """The three signals are not delivered to this thread inside the block (pthread_sigmask): they
    wait, pending, until it ends. Around a fork, so that the child starts with them held and lets
    them in only once its own handling is in place (start_forked_child)."""
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, HANDLED)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def start_forked_child(parent: int) -> None:
    """First thing in a child forked inside shielded() and held_at_the_door(), in its `try`: its
    signals are its own (no shield, none received: the parent stops it if the parent was
    signalled), SIGTERM and SIGHUP become Interrupted, SIGINT is left to the parent, it never
    gives up cleaning up, it ends with `parent`, and a signal sent since the fork is raised now.
    Without the door, a signal at the moment of the fork would run the handler in the child before
    its `try`, sending the child up the parent's stack, into the parent's `finally` blocks."""
    _state.received, _state.count, _state.shield_depth = None, 0, 0  # the parent's copy, forgotten
    _state.gives_up = False
    install()
    # A handler, not SIG_IGN: the workers the child starts must not inherit an ignored Ctrl-C.
    signal.signal(signal.SIGINT, _left_to_the_parent)
    die_with_parent(parent)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, HANDLED)


def _left_to_the_parent(signum: int, frame: object) -> None:
    """Ctrl-C in a forked child: the parent got it too, and stops the child with SIGTERM."""


def die_with_parent(parent: int) -> None:
    """This (forked) process gets SIGTERM when its parent, pid `parent`, ends; if it already
    has, the process exits at once. On systems without prctl the child just runs to its end."""
    try:
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:
        os._exit(128 + signal.SIGTERM)


def _in_main_thread() -> bool:
    return threading.current_thread() is threading.main_thread()
