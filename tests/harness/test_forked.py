"""A function run in a forked judge process (judge/harness/forked.py), and the claims two such
processes share the hidden tests by (judge/harness/sharing.py)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from judge import interrupts
from judge.harness.forked import ChildDied, Forked
from judge.harness.sharing import Sharing
from judge.sandbox.client import Breach, ImportFailed, RemoteError
from tests.waiting import scaled


def test_the_childs_result_comes_back():
    child = Forked(lambda link: {"pid": os.getpid(), "answer": [1, 2.5, "three"]}).start()
    try:
        outcome = child.result()
    finally:
        child.stop()
    assert outcome["answer"] == [1, 2.5, "three"]
    assert outcome["pid"] != os.getpid()
    assert child.pid is None, "reaped"


def test_the_childs_exception_is_raised_in_the_parent():
    def fails(link):
        raise ImportFailed(Breach.SYNTAX, RemoteError("SyntaxError", ["SyntaxError"], "bad", line=3))

    child = Forked(fails).start()
    with pytest.raises(ImportFailed) as raised:
        child.result()
    assert raised.value.breach is Breach.SYNTAX and raised.value.error.line == 3


def test_an_exception_that_does_not_pickle_still_arrives_as_its_message():
    class Unpicklable(Exception):
        def __init__(self, a, b):
            super().__init__(f"{a}/{b}")

    def fails(link):
        raise Unpicklable(1, 2)

    with pytest.raises(RuntimeError, match="Unpicklable: 1/2"):
        Forked(fails).start().result()


def test_progress_counts_arrive_without_waiting_for_the_result():
    def counts(link):
        for count in range(1, 4):
            link.progress(count)
        time.sleep(0.3)
        return "done"

    child = Forked(counts).start()
    deadline = time.monotonic() + scaled(5)
    while child.progress() < 3 and time.monotonic() < deadline:
        time.sleep(0.01)
    assert child.progress() == 3
    assert child.result() == "done"


def test_a_result_handed_back_early_comes_before_the_clean_up_which_stop_waits_for(tmp_path: Path):
    """The partner and the complexity process hand back their result, then remove their box while
    the judge removes its own; stop() must let that finish, not cut it short with SIGTERM."""
    cleaned = tmp_path / "cleaned"

    def works_then_cleans_up(link):
        try:
            link.hand_back("the result")
        finally:
            time.sleep(1.0)  # removing a container (a long one: the result must come well before)
            cleaned.touch()

    child = Forked(works_then_cleans_up).start()
    assert child.result() == "the result"
    assert not cleaned.exists(), "the result waited for the clean-up"
    child.stop()
    assert cleaned.exists(), "the clean-up was cut short"
    assert child.pid is None


def test_a_child_that_dies_without_a_result_is_a_clear_error():
    child = Forked(lambda link: os.kill(os.getpid(), signal.SIGKILL)).start()
    with pytest.raises(ChildDied, match="killed by SIGKILL"):
        child.result()


def _works_until_stopped(folder: Path, clean_up_s: float = 0.0):
    """A child's function: makes folder/made, says folder/started, works until stopped; its
    `finally` says folder/cleaning, takes `clean_up_s` (as removing a container does) and
    removes folder/made."""
    def works(link):
        (folder / "made").mkdir()
        try:
            (folder / "started").touch()
            while True:
                time.sleep(0.01)
        finally:
            (folder / "cleaning").touch()
            time.sleep(clean_up_s)
            (folder / "made").rmdir()

    return works


def test_stop_ends_a_running_child_through_its_finally_blocks(tmp_path: Path):
    """SIGTERM becomes Interrupted in the child, as in a run: its `finally` removes what it made."""
    child = Forked(_works_until_stopped(tmp_path)).start()  # this process never installed the handlers
    _wait_for(tmp_path / "started")
    begun = time.monotonic()
    child.stop()
    assert time.monotonic() - begun < 3
    assert not (tmp_path / "made").exists()
    assert child.pid is None


def test_a_child_leaves_ctrl_c_to_its_parent_and_never_gives_up_its_clean_up(tmp_path: Path):
    """Ctrl-C reaches the whole process group, pressed twice it reaches it twice, and the parent
    adds its SIGTERM: a child that counted them all would give up and leave its sandbox behind."""
    child = Forked(_works_until_stopped(tmp_path, clean_up_s=0.5)).start()
    _wait_for(tmp_path / "started")
    assert child.pid is not None
    for _ in range(3):
        os.kill(child.pid, signal.SIGINT)
    time.sleep(0.2)
    assert child.progress() == 0 and not (tmp_path / "cleaning").exists(), "Ctrl-C is the parent's to act on"
    os.kill(child.pid, signal.SIGTERM)  # a supervisor's, to the whole group
    _wait_for(tmp_path / "cleaning")
    os.kill(child.pid, signal.SIGHUP)
    child.stop()  # the parent's SIGTERM: the third signal the child got
    assert not (tmp_path / "made").exists(), "the child gave up cleaning up"


def _wait_for(path: Path) -> None:
    deadline = time.monotonic() + scaled(5)
    while not path.exists():
        assert time.monotonic() < deadline, f"{path.name} never appeared"
        time.sleep(0.01)


def test_a_child_stopped_by_a_signal_interrupts_the_parent_run():
    def stopped(link):
        raise interrupts.Interrupted(signal.SIGTERM)

    with pytest.raises(interrupts.Interrupted) as raised:
        Forked(stopped).start().result()
    assert raised.value.signum == signal.SIGTERM


# Ctrl-C to a process group, or a supervisor's SIGTERM, can reach a judge and the child it is
# forking at the very moment of the fork. A fork here is one that signals at once, in a script
# with the judge's handlers in place, as `judge run` has them.
AT_THE_FORK = """
import os, signal, sys, time
from judge import interrupts
from judge.harness.forked import Forked

interrupts.install()
real_fork, forked = os.fork, []

def fork_then_signal():
    pid = real_fork()
    forked.append(pid)
    if (pid == 0) == (sys.argv[1] == "child"):
        os.kill(os.getpid(), signal.SIGTERM)
    return pid

os.fork = fork_then_signal
child = Forked(lambda link: time.sleep(30) or "slept")
try:
    child.start()
    print("result", child.result(), flush=True)
except interrupts.Interrupted as exc:
    os.write(1, f"{os.getpid()} interrupted by {exc.signum}\\n".encode())
finally:
    try:
        child.stop()
    except interrupts.Interrupted:  # raised again as stop() leaves its shielded section
        pass
    os.write(1, f"{os.getpid()} left child {forked[-1]} {'gone' if child.pid is None else 'running'}\\n".encode())
"""


def _fork_signalled(who: str, tmp_path: Path) -> tuple[int, list[str]]:
    script = tmp_path / "at_the_fork.py"
    script.write_text(textwrap.dedent(AT_THE_FORK))
    done = subprocess.run([sys.executable, str(script), who], capture_output=True, text=True, timeout=20)
    assert not done.stderr, done.stderr
    return done.returncode, done.stdout.splitlines()


def test_a_signal_at_the_moment_of_the_fork_stops_the_child_inside_its_own_try(tmp_path: Path):
    """Before the door, the child ran the handler it inherited before its `try`: it went back up
    the parent's stack, ran the parent's `finally` blocks and printed as if it were the parent."""
    _, lines = _fork_signalled("child", tmp_path)
    parent = {line.split()[0] for line in lines}
    assert len(parent) == 1, f"the child went up the parent's stack: {lines}"
    assert lines[0].endswith(f"interrupted by {signal.SIGTERM}"), lines
    assert lines[1].endswith("gone"), lines


def test_a_signal_to_the_parent_at_the_moment_of_the_fork_still_lets_it_stop_the_child(tmp_path: Path):
    _, lines = _fork_signalled("parent", tmp_path)
    assert len(lines) == 2 and lines[0].endswith(f"interrupted by {signal.SIGTERM}"), lines
    child = int(lines[1].split()[3])
    assert lines[1].endswith("gone"), lines
    with pytest.raises(ProcessLookupError):
        os.kill(child, 0)  # stopped and reaped, not left running


def test_a_category_belongs_to_the_first_process_to_claim_it():
    sharing = Sharing()
    assert sharing.claim(0, 1)
    child = Forked(lambda link: (sharing.claim(0, 2), sharing.claim(1, 2), sharing.claim(1, 2))).start()
    assert child.result() == (False, True, True)
    assert not sharing.claim(1, 1)
    assert sharing.claim(0, 1)
