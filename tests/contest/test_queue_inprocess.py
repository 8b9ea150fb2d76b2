"""The in-process judging queue: N workers, submission order, exactly once, close and restart.

Real SQLite, real judging (`--sandbox local`), the real clock; solutions that are
judged in a second or sit in their import for a known time.
"""

from __future__ import annotations

import subprocess
import time
from pathlib import Path

import pytest

from judge.contest.owner import Owner
from judge.contest.queue import open_queue
from judge.contest.queue.inprocess import InProcessQueue
from judge.contest.store import ContestStore
from judge.errors import UsageError
from judge.verdicts import Verdict
from tests.contest.queue_helpers import (
    OPTIONS,
    QUICK,
    add,
    dead_owner,
    new_store,
    problems,
    row,
    rows,
    sleepy,
    wait_for,
    wait_until_judged,
)


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    return new_store(tmp_path)


def running_queue(store_path: Path, workers: int) -> InProcessQueue:
    queue = open_queue(None, store_path, problems(), workers, OPTIONS)
    assert isinstance(queue, InProcessQueue)
    queue.start()
    return queue


def test_one_worker_judges_in_submission_order_and_each_once_however_often_submitted(store_path: Path):
    ids = [add(store_path, QUICK, participant) for participant in ("ada", "bob", "cy", "dee")]
    queue = running_queue(store_path, workers=1)
    try:
        for submission_id in ids + ids[::-1] + ids:  # every submission queued three times
            queue.submit(submission_id)
        judged = wait_until_judged(store_path)
    finally:
        queue.close()
    assert [item.verdict for item in judged] == [Verdict.COMPILE_ERROR] * 4
    assert [item.judging_runs for item in judged] == [1, 1, 1, 1]  # claimed and recorded once each
    assert [item.judged_at for item in judged] == sorted(item.judged_at for item in judged)  # first in, first judged
    assert queue.counts() == {"queued": 0, "judging": 0}


def test_n_workers_judge_side_by_side(store_path: Path):
    ids = [add(store_path, sleepy(2), participant) for participant in ("ada", "bob")]
    queue = running_queue(store_path, workers=2)
    try:
        for submission_id in ids:
            queue.submit(submission_id)
        wait_for(lambda: queue.counts() == {"queued": 0, "judging": 2}, "two judgings at once")
        judged = wait_until_judged(store_path)
    finally:
        queue.close()
    assert [item.verdict for item in judged] == [Verdict.RUNTIME_ERROR] * 2
    assert [item.judging_runs for item in judged] == [1, 1]


def test_close_hands_the_submission_being_judged_back_to_pending_within_seconds(store_path: Path):
    submission_id = add(store_path, sleepy(4))
    waiting_id = add(store_path, QUICK, "bob")
    queue = running_queue(store_path, workers=1)
    queue.submit(submission_id)
    queue.submit(waiting_id)
    wait_for(lambda: row(store_path, submission_id).state == "judging" and queue.counts()["judging"] == 1,
             "the judging to start")
    started = time.monotonic()
    queue.close(timeout_s=5.0)
    assert time.monotonic() - started < 5.0
    stopped = row(store_path, submission_id)
    assert (stopped.state, stopped.owner, stopped.verdict) == ("pending", None, None)  # nothing half-recorded
    assert row(store_path, waiting_id).state == "pending"  # never started: still there for the next start


def test_start_judges_once_what_a_killed_server_left_judging(store_path: Path):
    killed = dead_owner()
    submission_id = add(store_path, QUICK, owner=killed)
    with ContestStore(store_path) as store:  # the killed server had claimed it and was judging it
        assert store.claim(store.submission(submission_id), killed)
    queue = running_queue(store_path, workers=2)  # the restarted server: start() alone finds it
    try:
        [judged] = wait_until_judged(store_path)
        queue.submit(submission_id)  # a late duplicate changes nothing
        time.sleep(0.5)
    finally:
        queue.close()
    assert (judged.verdict, judged.judging_runs) == (Verdict.COMPILE_ERROR, 2)  # its second claim, one verdict
    assert row(store_path, submission_id).judging_runs == 2


def test_a_submission_another_live_judge_is_judging_is_left_to_it(store_path: Path):
    submission_id = add(store_path, QUICK)
    terminal = subprocess.Popen(["sleep", "30"])  # a `judge submit` in another terminal, judging it
    other = Owner(terminal.pid, "")
    with ContestStore(store_path) as store:
        assert store.claim(store.submission(submission_id), other)
    queue = running_queue(store_path, workers=1)
    try:
        queue.submit(submission_id)
        time.sleep(1.0)
    finally:
        queue.close()
        terminal.kill()
        terminal.wait()
    assert [(item.state, item.judging_runs) for item in rows(store_path)] == [("judging", 1)]


def test_an_unknown_queue_url_is_a_usage_error_naming_it(store_path: Path):
    with pytest.raises(UsageError, match="'amqp://x'"):
        open_queue("amqp://x", store_path, problems(), 1, OPTIONS)
