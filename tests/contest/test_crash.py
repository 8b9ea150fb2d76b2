"""State that survives, with real processes: kill -9 mid-judging, SIGTERM, two submits at once.

These run the real `judge` command (python -m judge) against a real SQLite
file on the real clock; the contest is made and inspected in-process.
"""

from __future__ import annotations

import os
import signal
import tempfile
import time
from pathlib import Path

from judge.contest.clock import SystemClock
from judge.contest.store import ContestStore
from tests.contest.conftest import CORRECT, NO_ENTRY_POINT, SLUG, Round, judge_process
from tests.waiting import scaled

# Sleeps while being imported (under the 5 s the import may sit idle), then is correct: the
# judge is surely in the middle of judging it when the signal comes, and a re-judge accepts it.
SLOW_TO_IMPORT = "import time\ntime.sleep(2.5)\n" + CORRECT
WAIT_S = 60


def running_round(tmp_path: Path) -> Round:
    round_ = Round(tmp_path, SystemClock())
    round_.create()
    assert round_.judge("contest", "start", "mock").exit_code == 0
    return round_


def submit_process(round_: Round, source: Path):
    return judge_process("submit", SLUG, "--solution", str(source), "--sandbox", "local", "--no-complexity",
                         "--db", str(round_.db), cwd=round_.folder)


def wait_until_judging(round_: Round, process) -> None:
    deadline = time.monotonic() + scaled(WAIT_S)
    while time.monotonic() < deadline:
        if round_.db.exists() and [row[1] for row in round_.rows()] == ["judging"]:
            return
        assert process.poll() is None, process.communicate()
        time.sleep(0.05)
    raise AssertionError("the submission never reached 'judging'")


def test_kill_9_mid_judging_then_the_next_command_judges_it_once(tmp_path: Path):
    round_ = running_round(tmp_path)
    process = submit_process(round_, round_.solution(SLOW_TO_IMPORT))
    wait_until_judging(round_, process)
    time.sleep(0.5)  # inside judge_solution: the worker is importing the solution
    process.send_signal(signal.SIGKILL)
    process.wait(WAIT_S)
    assert round_.rows() == [(1, "judging", None, 1)]  # recorded before judging, left mid-way

    status = round_.judge("contest", "status")
    assert "submission #1 (is_subsequence, contest mock) was left unjudged by a stopped judge" in status.stderr
    assert "ACCEPTED" in status.stdout
    assert round_.rows() == [(1, "judged", "accepted", 2)]  # judged again, one verdict, one row
    round_.judge("contest", "scoreboard")
    assert round_.rows() == [(1, "judged", "accepted", 2)]  # and never a third time
    with ContestStore(round_.db) as store:
        assert store.submission(1).source == SLOW_TO_IMPORT.encode()


def test_sigterm_mid_judging_leaves_the_submission_pending_for_the_next_command(tmp_path: Path):
    round_ = running_round(tmp_path)
    process = submit_process(round_, round_.solution(SLOW_TO_IMPORT))
    wait_until_judging(round_, process)
    time.sleep(0.5)
    process.send_signal(signal.SIGTERM)
    _out, err = process.communicate(timeout=WAIT_S)
    assert process.returncode == 143
    assert "interrupted by SIGTERM" in err and "Traceback" not in err
    assert round_.rows("SELECT id, state, owner_pid FROM submissions") == [(1, "pending", None)]
    with ContestStore(round_.db) as store:
        assert [item.id for item in store.abandoned()] == [1]  # the next command re-judges it
    leftovers = list(Path(tempfile.gettempdir()).glob(f"judge-contest-{process.pid}-*"))
    assert leftovers == []  # the copy it was judging is removed


def test_two_submits_at_the_same_moment_are_both_recorded(tmp_path: Path):
    round_ = running_round(tmp_path)
    source = round_.solution(NO_ENTRY_POINT)
    processes = [submit_process(round_, source) for _ in range(2)]
    for process in processes:
        _out, err = process.communicate(timeout=WAIT_S)
        assert process.returncode == 7, err  # compile error, judged and shown, for both
    assert round_.rows() == [(1, "judged", "compile_error", 1), (2, "judged", "compile_error", 1)]


def has_open(pid: int, path: Path) -> bool:
    try:
        return any(os.readlink(f"/proc/{pid}/fd/{fd}") == str(path) for fd in os.listdir(f"/proc/{pid}/fd"))
    except OSError:
        return False


def test_watch_stops_cleanly_on_sigterm(tmp_path: Path):
    round_ = running_round(tmp_path)
    process = judge_process("contest", "status", "--watch", "--db", str(round_.db), cwd=round_.folder)
    deadline = time.monotonic() + scaled(WAIT_S)
    while not has_open(process.pid, round_.db.resolve()) and time.monotonic() < deadline:
        assert process.poll() is None, process.communicate()
        time.sleep(0.05)
    time.sleep(0.5)  # in the countdown's loop
    process.send_signal(signal.SIGTERM)
    out, err = process.communicate(timeout=WAIT_S)
    assert process.returncode == 143
    assert err.strip() == "stopped watching (SIGTERM); the round goes on."
    assert "running: 44m" in out  # the last frame drawn stays on the screen
