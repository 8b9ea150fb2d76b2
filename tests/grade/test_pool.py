"""The pool with stand-in children: bounded, and a cell that does not end as a run does is
an internal_error of that cell only."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

import judge.grade.pool as pool_module
from judge.grade.cells import Forkserver
from judge.grade.discovery import Submission
from judge.grade.pool import Pool, RunOptions, child_environment, command_for

REPORT = json.dumps({"verdict": "wrong_answer", "message": "", "cases": []})
# What each stand-in `judge run` does, by the member's name.
BEHAVIOUR = {
    "fine": f"print({REPORT!r}); raise SystemExit(1)",
    "usage": "import sys; sys.stderr.write('error: no such thing\\n'); raise SystemExit(2)",
    "liar": f"print({REPORT!r}); raise SystemExit(0)",  # a report that disagrees with the exit code
    "garbage": "print('not json'); raise SystemExit(1)",
}


@pytest.fixture
def fake_runs(monkeypatch: pytest.MonkeyPatch):
    def command(submission: Submission, options: RunOptions) -> list[str]:
        return [sys.executable, "-c", "import time; time.sleep(0.2)\n" + BEHAVIOUR[submission.member]]

    monkeypatch.setattr(pool_module, "command_for", command)


def _submission(member: str, path: Path = Path("/nowhere/is_subsequence.py"), why: str | None = None) -> Submission:
    return Submission(member, "is_subsequence", path, 100.0, why)


def test_each_cell_gets_its_own_outcome_and_the_batch_goes_on(fake_runs) -> None:
    seen_running = []
    pool = Pool(RunOptions("local"), jobs=2, on_start=lambda s: seen_running.append(pool.running))
    outcomes = pool.run([_submission(m) for m in BEHAVIOUR] + [_submission("empty", why="x: the file is empty.")])

    by_member = {o.submission.member: o for o in outcomes}
    assert by_member["fine"].verdict == "wrong_answer" and by_member["fine"].report is not None
    assert by_member["usage"].verdict == "internal_error"
    assert "exited 2" in by_member["usage"].message and "no such thing" in by_member["usage"].message
    assert by_member["liar"].verdict == "internal_error" and "disagrees" in by_member["liar"].message
    assert by_member["garbage"].verdict == "internal_error" and "no JSON" in by_member["garbage"].message
    assert by_member["empty"].verdict == "compile_error" and by_member["empty"].message == "x: the file is empty."
    assert max(seen_running) == 2  # bounded by --jobs


def test_the_cell_command_is_the_real_single_run() -> None:
    options = RunOptions("local", seed=7, complexity=False)
    command = command_for(_submission("a"), options)
    assert command == [sys.executable, "-m", "judge", "run", "is_subsequence", "--solution",
                       "/nowhere/is_subsequence.py", "--sandbox", "local", "--format", "json", "--seed", "7",
                       "--sequential", "--no-complexity"]


def test_children_hide_the_graded_tree_and_keep_their_own_data(monkeypatch: pytest.MonkeyPatch,
                                                               tmp_path: Path) -> None:
    monkeypatch.setenv("JUDGE_HIDE", "/already")
    options = RunOptions("local", hide=(tmp_path / "group",), problem_roots=(tmp_path / "mine", tmp_path / "ours"))
    env = child_environment(options, tmp_path / "home")
    assert env["JUDGE_HIDE"].split(os.pathsep) == ["/already", str(tmp_path / "group")]
    assert env["JUDGE_HOME"] == str(tmp_path / "home")
    assert env["JUDGE_PROBLEMS"].split(os.pathsep) == [str(tmp_path / "mine"), str(tmp_path / "ours")]


def test_a_run_killed_or_stopped_by_someone_else_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    ends = {"killed": "import os, signal; os.kill(os.getpid(), signal.SIGKILL)", "stopped": "raise SystemExit(143)"}
    monkeypatch.setattr(pool_module, "command_for", lambda s, o: [sys.executable, "-c", ends[s.member]])
    outcomes = {o.submission.member: o for o in Pool(RunOptions("local"), jobs=2).run(
        [_submission("killed"), _submission("stopped")])}
    assert "was killed by SIGKILL" in outcomes["killed"].message
    assert "was stopped by SIGTERM (exit 143)" in outcomes["stopped"].message


@pytest.mark.parametrize("where", ["in the child", "no process"])
def test_a_run_that_cannot_start_is_that_cells_internal_error(monkeypatch: pytest.MonkeyPatch, where: str) -> None:
    commands = {"gone": ["/nonexistent/python"], "fine": [sys.executable, "-c", BEHAVIOUR["fine"]]}
    monkeypatch.setattr(pool_module, "command_for", lambda s, o: commands[s.member])
    if where == "no process":  # no fork to be had: the forkserver says so
        real_start = Forkserver.start

        def start(self, command, *args):
            if command == commands["gone"]:
                raise OSError("[Errno 11] Resource temporarily unavailable")
            return real_start(self, command, *args)

        monkeypatch.setattr(Forkserver, "start", start)
    outcomes = {o.submission.member: o for o in Pool(RunOptions("local"), jobs=1).run(
        [_submission("gone"), _submission("fine")])}
    # In the child the exec fails: the child says why and exits 127.
    why = "/nonexistent/python" if where == "in the child" else "Resource temporarily unavailable"
    assert outcomes["gone"].verdict == "internal_error" and why in outcomes["gone"].message
    assert "could not start" in outcomes["gone"].message
    assert outcomes["fine"].verdict == "wrong_answer"
