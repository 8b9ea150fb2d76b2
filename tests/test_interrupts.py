"""Signals become Interrupted, held inside shielded sections, and never lost."""

from __future__ import annotations

import gc
import importlib
import os
import signal
import sys
import threading

import pytest

from judge import interrupts


@pytest.fixture
def handlers(monkeypatch: pytest.MonkeyPatch):
    """The judge's handlers in this process for one test, then pytest's own again."""
    monkeypatch.setattr(interrupts, "_state", interrupts._State())
    monkeypatch.setattr(sys, "unraisablehook", sys.unraisablehook)  # install() wraps it: put back after
    previous = {signum: signal.getsignal(signum) for signum in interrupts.HANDLED}
    interrupts.install()
    yield
    for signum, handler in previous.items():
        signal.signal(signum, handler)


def test_a_signal_becomes_interrupted_with_its_exit_code(handlers) -> None:
    with pytest.raises(interrupts.Interrupted) as raised:
        os.kill(os.getpid(), signal.SIGTERM)
    assert raised.value.exit_code == 143 and interrupts.describe(raised.value) == ("SIGTERM", 143)


def test_a_shielded_section_finishes_before_the_signal_is_raised(handlers) -> None:
    finished = []
    with pytest.raises(interrupts.Interrupted):
        with interrupts.shielded():
            os.kill(os.getpid(), signal.SIGHUP)
            finished.append(True)  # still runs: the signal waits for the section's end
    assert finished == [True]


def test_a_swallowed_signal_is_raised_again_by_check(handlers) -> None:
    try:
        os.kill(os.getpid(), signal.SIGINT)
    except KeyboardInterrupt:
        pass  # as pytest does when it stops a session
    with pytest.raises(interrupts.Interrupted):
        interrupts.check()


def test_a_signal_landing_in_a_garbage_collector_callback_is_not_printed_and_not_lost(monkeypatch) -> None:
    """Python can only print and drop what a gc callback raises (Hypothesis keeps one): a Ctrl-C
    landing there must not print a traceback, and the run must still stop at the next check()."""
    printed: list[BaseException] = []
    monkeypatch.setattr(sys, "unraisablehook", lambda unraisable: printed.append(unraisable.exc_value))
    monkeypatch.setattr(interrupts, "_state", interrupts._State())
    previous = {signum: signal.getsignal(signum) for signum in interrupts.HANDLED}
    interrupts.install()

    def signalled_while_collecting(phase: str, info: dict) -> None:
        if phase == "start":
            os.kill(os.getpid(), signal.SIGINT)

    def failing_while_collecting(phase: str, info: dict) -> None:
        raise ValueError("a callback's own bug")

    try:
        for callback in (signalled_while_collecting, failing_while_collecting):
            gc.callbacks.append(callback)
            try:
                gc.collect()
            finally:
                gc.callbacks.remove(callback)
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
    assert [type(exc) for exc in printed] == [ValueError, ValueError]  # anything else is printed as ever
    with pytest.raises(interrupts.Interrupted):
        interrupts.check()


def test_only_the_main_thread_is_interrupted(handlers) -> None:
    """Another thread (the one opening a run's box) finishes its work whatever came meanwhile;
    the main thread, which the signal reached, raises it."""
    seen: list[str] = []

    def other_thread() -> None:
        with interrupts.shielded():
            seen.append("opened")
        interrupts.check()
        seen.append("went on")

    try:
        with interrupts.shielded():
            os.kill(os.getpid(), signal.SIGTERM)
            thread = threading.Thread(target=other_thread)
            thread.start()
            thread.join()
    except interrupts.Interrupted as raised:
        assert raised.signum == signal.SIGTERM
    else:
        pytest.fail("the main thread was not interrupted")
    assert seen == ["opened", "went on"]


def test_a_signal_that_surfaces_as_another_exception_still_stops_the_command(handlers, run_cli, monkeypatch) -> None:
    """Python 3.11 turns an exception raised in a class's __set_name__ (pytest's nodes define such
    classes, imported as a run starts) into a RuntimeError: still an interrupted run, not a bug."""
    cli_main = importlib.import_module("judge.cli.main")  # the module: judge.cli re-exports main()

    class InterruptedWhileNamed:
        def __set_name__(self, owner, name):
            os.kill(os.getpid(), signal.SIGTERM)

    def listing(*args, **kwargs):
        type("Holder", (), {"field": InterruptedWhileNamed()})

    monkeypatch.setattr(cli_main.list_problems, "callback", listing)
    result = run_cli("list")
    assert result.exit_code == 143, result.stderr
    assert "interrupted by SIGTERM" in result.stderr and "internal error" not in result.stderr
