"""The Redis judging queue for real: redis-server, RQ, and `judge worker` in another process.

The server's side (RedisQueue) runs in this process on a real SQLite store; the
workers are the real `judge worker` command. Redis is found at $JUDGE_TEST_REDIS
(default redis://127.0.0.1:6379/15, which these tests empty); CI starts one
(.ci/services-setup.sh) and there a missing Redis fails the tests.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import redis

from judge.contest.queue import open_queue
from judge.contest.queue.redis import RedisQueue
from judge.errors import UsageError
from judge.verdicts import Verdict
from tests.conftest import PROBLEMS_ROOT
from tests.contest.queue_helpers import (
    OPTIONS,
    QUICK,
    WAIT_S,
    add,
    new_store,
    problems,
    row,
    sleepy,
    wait_for,
    wait_until_judged,
)
from tests.waiting import scaled

REDIS_URL = os.environ.get("JUDGE_TEST_REDIS", "redis://127.0.0.1:6379/15")

pytestmark = pytest.mark.redis


@pytest.fixture
def redis_url() -> str:
    """An empty Redis database; in CI (CI=true) its absence is a failure, not a skip."""
    connection = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2)
    try:
        connection.ping()
    except redis.RedisError as exc:
        message = f"no Redis at {REDIS_URL} ({exc}); .ci/services-setup.sh starts one"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    connection.flushdb()
    yield REDIS_URL
    connection.flushdb()


class Worker:
    """`judge worker` in its own process, its log in a file."""

    def __init__(self, folder: Path, url: str, *extra: str) -> None:
        self.log = folder / f"worker-{time.monotonic_ns()}.log"
        env = {**os.environ, "JUDGE_HOME": str(folder / "home"), "JUDGE_PROBLEMS": str(PROBLEMS_ROOT)}
        with self.log.open("w") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "judge", "worker", "--queue", url, "--sandbox", "local", *extra],
                env=env, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, start_new_session=True)

    def output(self) -> str:
        return self.log.read_text()

    def wait(self, timeout_s: float = WAIT_S) -> int:
        try:
            return self.process.wait(scaled(timeout_s))
        except subprocess.TimeoutExpired:
            self.process.kill()
            raise AssertionError(f"the worker did not stop within {timeout_s} s:\n{self.output()}") from None

    def kill_with_its_horse(self) -> None:
        """SIGKILL for the worker and the work horse judging its job: the machine went away."""
        horses = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children").read_text().split()
        for pid in [self.process.pid, *map(int, horses)]:
            os.kill(pid, signal.SIGKILL)
        self.process.wait()


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    return new_store(tmp_path)


def server_queue(url: str, store_path: Path) -> RedisQueue:
    queue = open_queue(url, store_path, problems(), 1, OPTIONS)
    assert isinstance(queue, RedisQueue)
    queue.start()
    return queue


def test_a_worker_in_another_process_judges_and_the_server_records_each_once(redis_url, store_path, tmp_path):
    ids = [add(store_path, QUICK, "ada"), add(store_path, sleepy(1), "bob")]
    queue = server_queue(redis_url, store_path)
    try:
        for submission_id in ids * 2:  # each submitted twice: one job each (deterministic ids)
            queue.submit(submission_id)
        worker = Worker(tmp_path, redis_url, "--burst")
        judged = wait_until_judged(store_path)
        assert worker.wait() == 0
    finally:
        queue.close()
    assert [(item.verdict, item.judging_runs) for item in judged] == [(Verdict.COMPILE_ERROR, 1),
                                                                       (Verdict.RUNTIME_ERROR, 1)]
    assert judged[1].report["sandbox"]["backend"] == "local"  # judged on the worker, in the worker's sandbox
    assert worker.output().count("Job OK") == 2
    assert queue.connection.keys("rq:job:judge-*") == []  # recorded, then removed from Redis


def test_a_worker_killed_mid_job_has_its_job_judged_again_and_recorded_once(redis_url, store_path, tmp_path):
    submission_id = add(store_path, sleepy(3))
    queue = server_queue(redis_url, store_path)
    try:
        queue.submit(submission_id)
        doomed = Worker(tmp_path, redis_url)
        wait_for(lambda: queue.counts()["judging"] == 1, "the worker to start the job")
        doomed.kill_with_its_horse()
        # RQ calls a job abandoned a minute after its worker's last heartbeat; ask as of an hour later.
        queue.recover_abandoned(at=time.time() + 3600)
        rescuer = Worker(tmp_path, redis_url, "--burst")
        [judged] = wait_until_judged(store_path)
        assert rescuer.wait() == 0
    finally:
        queue.close()
    assert "Job OK" not in doomed.output()
    assert "Job OK" in rescuer.output()  # judged again, on the other worker
    assert (judged.verdict, judged.judging_runs) == (Verdict.RUNTIME_ERROR, 1)  # one claim, one verdict


def test_sigterm_stops_a_busy_worker_within_seconds_and_its_job_goes_back(redis_url, store_path, tmp_path):
    submission_id = add(store_path, sleepy(4))
    queue = server_queue(redis_url, store_path)
    try:
        queue.submit(submission_id)
        worker = Worker(tmp_path, redis_url, "--grace", "0.5")
        wait_for(lambda: queue.counts()["judging"] == 1, "the worker to start the job")
        stopped_at = time.monotonic()
        worker.process.send_signal(signal.SIGTERM)
        worker.wait()
        assert time.monotonic() - stopped_at < 5.0
        wait_for(lambda: queue.counts() == {"queued": 1, "judging": 0}, "the job back in the queue")
        assert row(store_path, submission_id).verdict is None  # nothing recorded from the stopped run
        Worker(tmp_path, redis_url, "--burst").wait()
        [judged] = wait_until_judged(store_path)
    finally:
        queue.close()
    assert (judged.verdict, judged.judging_runs) == (Verdict.RUNTIME_ERROR, 1)


def test_close_gives_unfinished_submissions_back_and_a_restart_adopts_their_jobs(redis_url, store_path, tmp_path):
    submission_id = add(store_path, QUICK)
    first = server_queue(redis_url, store_path)
    first.submit(submission_id)
    wait_for(lambda: first.counts()["queued"] == 1 and row(store_path, submission_id).state == "judging",
             "the job queued")
    first.close()
    assert row(store_path, submission_id).state == "pending"
    second = server_queue(redis_url, store_path)  # the restarted server: the same job id, one job
    try:
        assert second.queue.count == 1
        Worker(tmp_path, redis_url, "--burst").wait()
        [judged] = wait_until_judged(store_path)
    finally:
        second.close()
    assert (judged.verdict, judged.judging_runs) == (Verdict.COMPILE_ERROR, 2)


def test_a_burst_worker_exits_as_soon_as_the_queue_is_empty(redis_url, tmp_path):
    """RQ's pubsub thread held the connection for its 60 s read: one exit in six waited for it."""
    for _ in range(4):
        started = time.monotonic()
        assert Worker(tmp_path, redis_url, "--burst").wait() == 0
        assert time.monotonic() - started < scaled(20), "the worker lingered after its queue was empty"


def test_redis_unreachable_is_a_usage_error_that_says_so(store_path: Path):
    with pytest.raises(UsageError, match="cannot reach Redis at redis://127.0.0.1:1/0"):
        open_queue("redis://127.0.0.1:1/0", store_path, problems(), 1, OPTIONS)
