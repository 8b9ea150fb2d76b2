"""SIGINT, SIGTERM and SIGHUP at any moment of a run: a clean stop, nothing left behind.

Each case runs the real `judge` command in its own process and sends it a real
signal at a chosen phase. To hit a phase exactly (and not by timing, which a
busy CI machine would make flaky), a small driver wraps one function of that
phase so that it signals its own process first; the judge then has to stop
from inside that phase. Start-up is hit from outside, right after the process
starts. Every case asserts:

- the exit code is 128 + the signal (130 for SIGINT), within 2 s of the signal;
- stderr says the run was interrupted, and nothing of the hidden tests or of
  the reference reaches stdout or stderr;
- no process of the run, no container and no temporary folder of the judge's
  is left (the solution's file name carries a tag found in every worker's
  command line).
"""

from __future__ import annotations

import ctypes
import os
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import pytest

from tests.conftest import PROBLEMS_ROOT, REPO, children_of_this_process
from tests.waiting import scaled

SLUG = "is_subsequence"
SIGNALS = [signal.SIGINT, signal.SIGTERM, signal.SIGHUP]
STOP_WITHIN_S = 2.0
RUN_TIMEOUT_S = 90
STARTUP_SIGNAL_AT_S = 0.15

LOOPS = "def is_subsequence(s, t):\n    while True:\n        pass\n"
WRONG = "def is_subsequence(s, t):\n    return len(s) <= len(t)\n"
CORRECT = (PROBLEMS_ROOT / SLUG / "reference.py").read_text()

# The driver: the judge's own entry point, with one function of the phase wrapped so
# that it signals this process before it runs. `hit` records when, in the file MARK.
DRIVER = r'''
import os, signal, sys, threading, time
SIG = getattr(signal, sys.argv.pop(1))
PHASE = sys.argv.pop(1)
MARK = sys.argv.pop(1)
JUDGE = os.getpid()

def hit():  # to a file: pytest's capture and the progress bar take over stderr meanwhile
    with open(MARK, "w") as mark:
        mark.write(str(time.monotonic()))
    os.kill(JUDGE, SIG)  # the judge's, also from a process it forked (the complexity lane): it stops them

def before(owner, name, once=True):
    original = getattr(owner, name)
    done = []
    def wrapped(*args, **kwargs):
        if not (once and done):
            done.append(1)
            hit()
        return original(*args, **kwargs)
    setattr(owner, name, wrapped)

if PHASE == "static":
    import judge.harness.run as module; before(module, "inspect_solution")
elif PHASE == "sandbox":
    from judge.sandbox.client import WorkerClient; before(WorkerClient, "start")
elif PHASE == "hidden_tests":  # from another thread, while the solution's call runs
    from judge.sandbox.client import WorkerClient
    original = WorkerClient._await_reply
    def waiting(self, *args):
        if not getattr(WorkerClient, "armed", False):
            WorkerClient.armed = True
            threading.Timer(0.3, hit).start()
        return original(self, *args)
    WorkerClient._await_reply = waiting
elif PHASE == "shrinking":  # the first call after the first wrong answer
    import judge.harness.api as api
    from judge.harness.proxy import SolutionProxy
    failed = []
    original_init = api.WrongAnswer.__init__
    def init(self, *args, **kwargs):
        failed.append(1)
        original_init(self, *args, **kwargs)
    api.WrongAnswer.__init__ = init
    original_send = SolutionProxy.send
    def send(self, *args, **kwargs):
        if failed and not getattr(SolutionProxy, "armed", False):
            SolutionProxy.armed = True
            hit()
        return original_send(self, *args, **kwargs)
    SolutionProxy.send = send
elif PHASE == "complexity":
    from judge.complexity.phase import Session; before(Session, "_time_rounds")
elif PHASE == "report":
    import judge.cli.run as module; before(module, "render_text")

from judge.__main__ import main
sys.argv[0] = "judge"
main()
'''

PHASES = {
    # phase: (solution, extra judge arguments)
    "startup": (LOOPS, ["--no-complexity"]),
    "static": (LOOPS, ["--no-complexity"]),
    "sandbox": (LOOPS, ["--no-complexity"]),
    "hidden_tests": (LOOPS, ["--no-complexity"]),
    "shrinking": (WRONG, ["--no-complexity"]),
    "complexity": (CORRECT, []),
    "report": (CORRECT, ["--no-complexity"]),
}


def _secret_lines() -> list[str]:
    """Lines of the hidden tests and of the reference that no output may quote."""
    lines = []
    for name in ("hidden_tests.py", "reference.py"):
        for line in (PROBLEMS_ROOT / SLUG / name).read_text().splitlines():
            text = line.strip()
            if len(text) >= 24 and not text.startswith(("#", '"""', "from ", "import ")):
                lines.append(text)
    assert len(lines) > 20
    return lines


SECRET_LINES = _secret_lines()


def _run(sandbox: str, sig: signal.Signals, phase: str, tmp_path: Path) -> tuple[subprocess.CompletedProcess, float]:
    """Runs the judge until the signal; returns its result and how long it took to stop."""
    source, extra = PHASES[phase]
    tag = "sig" + uuid.uuid4().hex[:12]
    solution = tmp_path / f"{tag}.py"
    solution.write_text(source)
    mark = tmp_path / "signalled"
    driver = [sys.executable, "-c", DRIVER, sig.name, phase, str(mark)]
    judge = [sys.executable, "-m", "judge"] if phase == "startup" else driver
    command = [*judge, "run", SLUG, "--solution", str(solution), "--sandbox", sandbox, *extra]
    env = {**os.environ, "JUDGE_PROBLEMS": str(PROBLEMS_ROOT), "JUDGE_HOME": str(tmp_path / "data"),
           "PYTHONPATH": str(REPO)}
    folders_before = _judge_folders()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=tmp_path)
    if phase == "startup":  # amid the command line's imports (the handlers go in first)
        time.sleep(STARTUP_SIGNAL_AT_S)
        signalled = time.monotonic()
        process.send_signal(sig)
    stdout, stderr = process.communicate(timeout=RUN_TIMEOUT_S)
    ended = time.monotonic()
    out, err = stdout.decode(errors="replace"), stderr.decode(errors="replace")
    if phase != "startup":
        assert mark.exists(), f"the phase {phase} was never reached (exit {process.returncode}):\n{err[-3000:]}"
        signalled = float(mark.read_text())
    result = subprocess.CompletedProcess(command, process.returncode, out, err)
    _no_leftovers(tag, sandbox, folders_before)
    return result, ended - signalled


def _judge_folders() -> set[Path]:
    return set(Path(tempfile.gettempdir()).glob("judge-*-*-*"))


def _no_leftovers(tag: str, sandbox: str, folders_before: set[Path]) -> None:
    # What the judge forked (its partner, its complexity lane) it stops and reaps before it exits:
    # not one may outlive it, even for a moment (they share its command line, workers do not).
    forked = [found for found in _processes_with(tag) if f" run {SLUG} " in found]
    assert not forked, f"forked judge processes outlived the judge: {forked}"
    deadline = time.monotonic() + scaled(5)
    while (left := _processes_with(tag)) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not left, f"processes outlived the run: {left}"
    # The judge's own and those of the processes it forked (its partner, its complexity lane)
    folders = _judge_folders() - folders_before
    assert not folders, f"temporary folders outlived the run: {folders}"
    if sandbox == "docker":
        from judge.sandbox.docker import connect

        # sparse: no inspection per container, which fails on one the engine is auto-removing.
        # Any judge's: the complexity lane's container is labelled with the lane's pid.
        containers = connect().containers.list(all=True, sparse=True, filters={"label": "judge.run"})
        assert not containers, f"containers outlived the run: {[c.id[:12] for c in containers]}"


def _processes_with(tag: str) -> list[str]:
    found = []
    for entry in Path("/proc").iterdir():
        try:
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        if entry.name.isdigit() and tag in cmdline:
            found.append(f"{entry.name}: {cmdline[:120]}")
    return found


def _docker_ready() -> None:
    from tests.sandbox.test_hostile import _backend

    _backend("docker")  # skips, or fails under CI=true, when the engine or image is missing


SANDBOXES = [pytest.param("local", id="local"), pytest.param("docker", id="docker", marks=pytest.mark.docker)]


@pytest.mark.parametrize("sandbox", SANDBOXES)
@pytest.mark.parametrize("phase", list(PHASES))
@pytest.mark.parametrize("sig", SIGNALS, ids=lambda s: s.name)
def test_a_signal_stops_the_run_cleanly(sandbox: str, phase: str, sig: signal.Signals, tmp_path: Path) -> None:
    if sandbox == "docker":
        _docker_ready()
    result, took = _run(sandbox, sig, phase, tmp_path)

    assert result.returncode == 128 + sig, f"exit {result.returncode}\n{result.stderr[-3000:]}"
    assert took < STOP_WITHIN_S, f"the judge took {took:.1f} s to stop"
    said = [line for line in result.stderr.splitlines() if line.strip()]
    assert said and said[-1].startswith("interrupted by " + sig.name), result.stderr[-3000:]
    assert "Traceback" not in result.stderr
    for line in SECRET_LINES:
        assert line not in result.stdout and line not in result.stderr, f"the output quotes {line!r}"


@pytest.mark.parametrize("sandbox", SANDBOXES)
@pytest.mark.parametrize("whole_group", [True, False], ids=["ctrl-c-to-the-group", "to-the-judge-alone"])
def test_a_spread_run_stops_its_partner_and_its_lane_before_it_exits(sandbox: str, whole_group: bool,
                                                                     tmp_path: Path, subreaper: None) -> None:
    """Ctrl-C in a terminal reaches the judge, its partner and its complexity lane at once; a
    supervisor's SIGTERM may reach the judge alone. Either way the judge exits last."""
    if sandbox == "docker":
        _docker_ready()
    tag = "spread" + uuid.uuid4().hex[:12]
    solution = tmp_path / f"{tag}.py"
    solution.write_text(CORRECT)
    env = {**os.environ, "JUDGE_PROBLEMS": str(PROBLEMS_ROOT), "JUDGE_HOME": str(tmp_path / "data")}
    folders_before, children_before = _judge_folders(), children_of_this_process()
    # A file, not a pipe: reading a pipe to its end would wait for every process holding it.
    with (tmp_path / "stderr").open("wb") as stderr:
        judge = subprocess.Popen([sys.executable, "-m", "judge", "run", SLUG, "--solution", str(solution),
                                  "--sandbox", sandbox], env=env, cwd=tmp_path, start_new_session=True,
                                 stdout=subprocess.DEVNULL, stderr=stderr)
    deadline = time.monotonic() + scaled(30)
    while len(judges := [p for p in _processes_with(tag) if f" run {SLUG} " in p]) < 3 and judge.poll() is None:
        assert time.monotonic() < deadline, f"the partner and the lane never ran: {judges}"
        time.sleep(0.01)
    assert judge.poll() is None, "the run ended before the partner and the lane were seen"

    if whole_group:
        os.killpg(judge.pid, signal.SIGINT)
    else:
        judge.send_signal(signal.SIGINT)
    judge.wait(timeout=RUN_TIMEOUT_S)

    assert judge.returncode == 130, (tmp_path / "stderr").read_text(errors="replace")[-3000:]
    adopted = children_of_this_process() - children_before - {judge.pid}
    for pid in adopted:  # handed to us when their parent exited before them: ended and reaped here
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    # A box's init, PID 1 of its namespaces, is killed with its launcher and may be reaped by the
    # next reaper up; the judge's own forked processes must be stopped and reaped by the judge.
    forked = {int(found.split(":")[0]) for found in judges}
    assert not adopted & forked, f"forked judge processes outlived the judge: {adopted & forked} of {judges}"
    _no_leftovers(tag, sandbox, folders_before)


PR_SET_CHILD_SUBREAPER = 36


@pytest.fixture
def subreaper():
    """While the test runs, the orphans of this process's children are handed to it, not to init:
    one that shows up outlived the parent that should have stopped and reaped it."""
    prctl = ctypes.CDLL(None, use_errno=True).prctl
    assert prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) == 0
    try:
        yield
    finally:
        prctl(PR_SET_CHILD_SUBREAPER, 0, 0, 0, 0)


def test_a_judge_killed_outright_takes_its_local_box_with_it(tmp_path: Path) -> None:
    """SIGKILL cannot be handled: the box dies with its judge (a parent-death signal on the
    namespace's launcher), and the next run removes the dead judge's temporary folders."""
    tag = "kill" + uuid.uuid4().hex[:12]
    solution = tmp_path / f"{tag}.py"
    solution.write_text(LOOPS)
    env = {**os.environ, "JUDGE_PROBLEMS": str(PROBLEMS_ROOT), "JUDGE_HOME": str(tmp_path / "data")}
    judge = subprocess.Popen([sys.executable, "-m", "judge", "run", SLUG, "--solution", str(solution),
                              "--sandbox", "local", "--no-complexity"], env=env, cwd=tmp_path,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + scaled(30)
    while not (workers := [p for p in _processes_with(tag) if "worker.py" in p]) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert workers, "the worker never started"

    judge.kill()
    judge.wait()

    _no_leftovers_but_folders(tag)
    assert list(Path(tempfile.gettempdir()).glob(f"judge-*-{judge.pid}-*")), "nothing to sweep: the test proves nothing"
    from judge import scratch

    scratch.remove(scratch.make("box"))  # the next run of the same kind sweeps...
    scratch.remove(scratch.make("hypothesis"))
    assert not list(Path(tempfile.gettempdir()).glob(f"judge-*-{judge.pid}-*"))


def _no_leftovers_but_folders(tag: str) -> None:
    deadline = time.monotonic() + scaled(5)
    while (left := _processes_with(tag)) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not left, f"processes outlived their killed judge: {left}"
