"""The forkserver the cells come from: a cell ends as a fresh `python -m judge` would, and none
outlives it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from judge.grade.cells import Forkserver
from tests.conftest import PROBLEMS_ROOT, REPO
from tests.waiting import scaled


def _files(tmp_path: Path, name: str) -> tuple[Path, Path]:
    out, err = tmp_path / f"{name}.out", tmp_path / f"{name}.err"
    out.touch()
    err.touch()
    return out, err


def _sleeping_cell(server: Forkserver, tmp_path: Path):
    """A cell that has started (it said so) and sleeps for a minute."""
    out, err = _files(tmp_path, "cell")
    cell = server.start([sys.executable, "-c", "import time; print('up', flush=True); time.sleep(60)"],
                        dict(os.environ), out, err)
    deadline = time.monotonic() + scaled(30)
    while out.read_text() != "up\n":
        assert time.monotonic() < deadline
        time.sleep(0.05)
    return cell


def _alive(pid: int) -> bool:
    try:
        state = (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.parametrize("args", [["--version"], ["run", "no_such_problem", "--format", "json"],
                                  ["show", "is_subsequence"]])
def test_the_judges_command_ends_as_a_fresh_interpreter_would(tmp_path: Path, args: list[str]) -> None:
    command = [sys.executable, "-m", "judge", *args]
    env = {**os.environ, "JUDGE_PROBLEMS": str(PROBLEMS_ROOT), "JUDGE_HOME": str(tmp_path / "home"),
           "PYTHONPATH": str(REPO), "COLUMNS": "100"}
    fresh = subprocess.run(command, env=env, capture_output=True, stdin=subprocess.DEVNULL)
    server = Forkserver()
    try:
        out, err = _files(tmp_path, "cell")
        code = server.start(command, env, out, err).wait(timeout=60)
    finally:
        server.close()
    assert (code, out.read_bytes(), err.read_bytes()) == (fresh.returncode, fresh.stdout, fresh.stderr)


def test_a_cell_has_its_own_environment_and_exit_code(tmp_path: Path) -> None:
    server = Forkserver()
    try:
        out, err = _files(tmp_path, "cell")
        script = "import os, sys; print(os.environ['CELL']); sys.stdin.read(); raise SystemExit(3)"
        cell = server.start([sys.executable, "-c", script], {"CELL": "mine", "PATH": os.environ["PATH"]}, out, err)
        assert cell.wait(timeout=30) == 3 and out.read_text() == "mine\n"
    finally:
        server.close()


def test_a_signal_to_the_group_stops_the_cell_not_the_forkserver(tmp_path: Path) -> None:
    server = Forkserver()
    try:
        cell = _sleeping_cell(server, tmp_path)
        assert server._process is not None
        os.kill(server._process.pid, signal.SIGTERM)  # ignored: it still reports the cell's end
        cell.send_signal(signal.SIGTERM)
        assert cell.wait(timeout=10) == -signal.SIGTERM
        assert server._process.poll() is None
    finally:
        server.close()


def test_a_killed_forkserver_takes_its_cells_with_it(tmp_path: Path) -> None:
    """What SIGKILL of `judge grade` comes to: the forkserver ends, its cells get SIGTERM."""
    server = Forkserver()
    try:
        cell = _sleeping_cell(server, tmp_path)
        assert server._process is not None
        server._process.stdin.close()  # EOF, as when the grader dies: the forkserver goes
        server._process.wait(timeout=10)
        deadline = time.monotonic() + scaled(5)
        while _alive(cell.pid) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not _alive(cell.pid)
        assert cell.poll() == -signal.SIGTERM
    finally:
        server.close()


def test_a_forkserver_killed_mid_batch_is_replaced(tmp_path: Path) -> None:
    server = Forkserver()
    try:
        out, err = _files(tmp_path, "first")
        first = server.start([sys.executable, "-c", "import time; time.sleep(60)"], dict(os.environ), out, err)
        assert server._process is not None
        os.kill(server._process.pid, signal.SIGKILL)
        assert first.wait(timeout=10) == -signal.SIGTERM  # what the kernel sent it
        out, err = _files(tmp_path, "second")
        second = server.start([sys.executable, "-c", "raise SystemExit(4)"], dict(os.environ), out, err)
        assert second.wait(timeout=30) == 4
    finally:
        server.close()
