"""The judging queue on Redis with RQ: judge workers on any machine with the judge installed.

Two sides (docs/contest-server.md, "More judge machines"):

- The server (`RedisQueue`): a submission committed in its store is claimed
  there, then queued as an RQ job carrying what judging needs (`jobs.Job`:
  source bytes, problem slug, options; never a database path). One collector
  thread owns the server's store connection: it queues what was submitted,
  polls the jobs it waits for, and writes each finished job's result into the
  store (the store's record: once, whatever RQ delivered) before deleting the
  job from Redis.
- The workers (`judge worker --queue URL`, `run_worker` here): RQ workers whose
  job function judges the bytes in the worker's own sandbox and returns the
  result as JSON. The database never leaves the server's machine.

Nothing is lost:
- Job ids are deterministic (`Job.id`), and jobs are queued with RQ's
  `unique=True`: a submission queued twice (a restart, a duplicate submit) has
  one job; a restarted server adopts the job it finds (queued, running, or
  finished while the server was down) instead of judging again.
- A job whose work horse was stopped (SIGTERM to `judge worker`) or whose worker
  vanished (RQ marks it abandoned once its heartbeat lapses) is retried by RQ
  (`Retry`); one that failed every try is recorded as an internal error (no
  penalty in any format), never left hanging.
- `close()` gives the server's unfinished submissions back to pending; their
  jobs stay in Redis and the next `start()` adopts them.

SIGTERM on `judge worker` is RQ's warm shutdown: an idle worker stops at
once; a busy one lets its job finish for SHUTDOWN_GRACE_S, then stops it (the
judge's own SIGTERM handling: the run ends within 2 s and removes its
sandbox) and the job goes back to the queue.
"""

from __future__ import annotations

import logging
import os
import queue
import signal
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import redis
from rq import Queue, Retry, Worker
from rq.exceptions import DuplicateJobError
from rq.job import Job as RQJob, JobStatus
from rq.serializers import JSONSerializer

from judge import interrupts
from judge.contest.clock import Clock, SystemClock
from judge.contest.owner import Owner, current_owner
from judge.contest.queue.jobs import Job, internal_error, judged_elsewhere, judgement_from_dict, run_job, with_sandbox
from judge.contest.store import ContestStore, Submission
from judge.errors import UsageError
from judge.problems import ProblemSet

log = logging.getLogger(__name__)

QUEUE_NAME = "judge"
JOB_FUNCTION = "judge.contest.queue.redis.judge_job"
JOB_TIMEOUT_S = 900  # past any run's own ceiling (docs/limits.md): RQ kills a job that hangs anyway
RETRIES = 2  # a job stopped or abandoned goes back this often, then it is an internal error
KEEP_S = 24 * 3600  # results and failures wait this long for a server that is down to come back
POLL_S = 0.2
CLEANUP_EVERY_S = 5.0
SHUTDOWN_GRACE_S = 5.0
# How long RQ's pubsub thread blocks on each read. RQ's own 60 s also holds the connection
# that leaving unsubscribes through: a worker that quit would wait up to that long to exit.
PUBSUB_POLL_S = 0.5
MONITOR_S = 5  # RQ's heartbeat: an abandoned job is seen this + 60 s after its worker vanished
FINAL = (JobStatus.FINISHED, JobStatus.FAILED, JobStatus.STOPPED, JobStatus.CANCELED)


def connect(url: str) -> redis.Redis:
    """A connection that answers, or a usage error naming the URL."""
    try:
        connection = redis.Redis.from_url(url, socket_connect_timeout=5)
        connection.ping()
    except ValueError as exc:
        raise UsageError(f"--queue {url!r} is not a Redis URL ({exc}); give redis://HOST:PORT[/DB].") from exc
    except redis.RedisError as exc:
        raise UsageError(f"cannot reach Redis at {url}: {str(exc).rstrip('.')}. Is redis-server running there? "
                         "(Leave --queue out for the in-process queue.)") from exc
    return connection


def rq_queue(connection: redis.Redis) -> Queue:
    return Queue(QUEUE_NAME, connection=connection, serializer=JSONSerializer)


# --- the server's side -------------------------------------------------------------------------


class RedisQueue:
    """`JudgingQueue` on Redis: jobs to any `judge worker`, results into this server's store."""

    def __init__(self, url: str, store_path: Path, clock: Clock | None = None) -> None:
        self.url, self.store_path = url, store_path
        self.clock = clock or SystemClock()
        self.connection = connect(url)
        self.queue = rq_queue(self.connection)
        self.owner: Owner = current_owner()
        self._incoming: queue.Queue[int] = queue.Queue()
        self._waiting: dict[int, str] = {}  # submission id -> its job id, until recorded
        self._counts = {"queued": 0, "judging": 0}
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None
        self._last_cleanup = 0.0

    def start(self) -> None:
        """Starts the collector; it first takes up every unjudged submission whose judge is gone."""
        with ContestStore(self.store_path) as store:
            for submission in store.abandoned():
                self._incoming.put(submission.id)
        self._thread = threading.Thread(target=self._collect, name="judge-redis-collector", daemon=True)
        self._thread.start()

    def submit(self, submission_id: int) -> None:
        self._incoming.put(submission_id)

    def counts(self) -> dict[str, int]:
        counts = dict(self._counts)
        counts["queued"] += self._incoming.qsize()
        return counts

    def close(self, timeout_s: float = 5.0) -> None:
        """Stops collecting; unfinished submissions go back to pending (their jobs stay for the next start)."""
        self._stopping.set()
        if self._thread is not None:
            self._thread.join(timeout_s)

    def recover_abandoned(self, at: float | None = None) -> None:
        """RQ's handling of jobs whose worker vanished (retried, or failed when out of tries).

        RQ sees a job as abandoned once its heartbeat lapsed; `at` (epoch seconds)
        asks as of a later moment, for tests that cannot wait the minute it takes.
        """
        self.queue.started_job_registry.cleanup(at)

    # --- the collector thread --------------------------------------------------------------

    def _collect(self) -> None:
        with ContestStore(self.store_path) as store:
            while not self._stopping.is_set():
                try:
                    self._take_new(store)
                    self._poll(store)
                    self._cleanup_now_and_then()
                except redis.RedisError as exc:  # Redis restarting: keep what we hold, try again
                    log.error("the Redis queue at %s failed (%s); retrying", self.url, exc)
                    self._stopping.wait(1.0)
                self._stopping.wait(POLL_S)
            self._hand_back(store)

    def _take_new(self, store: ContestStore) -> None:
        while True:
            try:
                submission_id = self._incoming.get_nowait()
            except queue.Empty:
                return
            if submission_id in self._waiting:
                continue  # a duplicate submit: already queued
            submission = store.submission(submission_id)
            if submission.judged or judged_elsewhere(submission, self.owner):
                continue
            if not store.claim(submission, self.owner):
                continue
            try:
                self._enqueue(Job.of(submission))
            except redis.RedisError:  # not queued: unclaimed and kept for the next try, never stranded
                store.release(submission_id, self.owner)
                self._incoming.put(submission_id)
                raise

    def _enqueue(self, job: Job) -> None:
        """Queues the job once: one already in Redis under its id (from before a restart) is adopted."""
        try:
            self.queue.enqueue_call(JOB_FUNCTION, args=(job.to_dict(),), job_id=job.id, unique=True,
                                    timeout=JOB_TIMEOUT_S, result_ttl=KEEP_S, failure_ttl=KEEP_S,
                                    retry=Retry(max=RETRIES), description=f"submission #{job.submission}")
        except DuplicateJobError:
            log.info("submission #%s: adopting its job %s", job.submission, job.id)
        self._waiting[job.submission] = job.id

    def _poll(self, store: ContestStore) -> None:
        ids = list(self._waiting.items())
        found = RQJob.fetch_many([job_id for _, job_id in ids], connection=self.connection,
                                 serializer=JSONSerializer)
        counts = {"queued": 0, "judging": 0}
        for (submission_id, _job_id), rq_job in zip(ids, found):
            status = rq_job.get_status(refresh=False) if rq_job is not None else None
            if status in FINAL or status is None:
                self._settle(store, store.submission(submission_id), rq_job, status)
            else:
                counts["judging" if status == JobStatus.STARTED else "queued"] += 1
        self._counts = counts

    def _settle(self, store: ContestStore, submission: Submission, rq_job: RQJob | None,
                status: JobStatus | None) -> None:
        """A job that ended: its result recorded (once), a failure as an internal error, or queued anew."""
        if rq_job is None or status not in (JobStatus.FINISHED, JobStatus.FAILED):
            # Vanished from Redis, stopped or cancelled by hand: judged again.
            del self._waiting[submission.id]
            if rq_job is not None:
                rq_job.delete()
            self._enqueue(Job.of(submission))
            return
        if status == JobStatus.FINISHED:
            result = rq_job.return_value()
            if result is None:
                return  # its result is being written: the next poll reads it
        else:
            result = internal_error(Job.of(submission), f"the judge workers failed {RETRIES + 1} times on it: "
                                                        f"{_last_line(rq_job.exc_info)}")
        del self._waiting[submission.id]
        store.record(submission.id, self.owner, judgement_from_dict(result), self.clock.now())
        rq_job.delete()

    def _cleanup_now_and_then(self) -> None:
        if time.monotonic() - self._last_cleanup >= CLEANUP_EVERY_S:
            self._last_cleanup = time.monotonic()
            self.recover_abandoned()

    def _hand_back(self, store: ContestStore) -> None:
        for submission_id in self._waiting:
            store.release(submission_id, self.owner)
        self._waiting.clear()


def _last_line(text: str | None) -> str:
    lines = [line for line in (text or "").strip().splitlines() if line.strip()]
    return lines[-1].strip() if lines else "no reason given"


# --- the workers' side -------------------------------------------------------------------------


@dataclass
class _WorkerSetup:
    """What this `judge worker` judges with; set before RQ forks its work horses."""

    problems: ProblemSet | None = None
    sandbox: str = "auto"
    hidden_paths: tuple[Path, ...] = ()


_setup = _WorkerSetup()


def judge_job(payload: dict[str, Any]) -> dict[str, Any]:
    """RQ's job function, run in a work horse: judge the bytes, return the result as JSON."""
    if _setup.problems is None:
        raise RuntimeError("judge_job runs inside `judge worker`, which sets the problems and sandbox first")
    return run_job(with_sandbox(Job.from_dict(payload), _setup.sandbox), _setup.problems, _setup.hidden_paths)


class JudgeWorker(Worker):
    """RQ's forking worker, with the judge's signal handling in the work horse.

    The horse turns SIGTERM into the judge's clean stop (the sandbox removed)
    instead of RQ's default death; a warm shutdown gives the job in progress
    `grace_s` to finish before the horse gets that SIGTERM.
    """

    grace_s: float = SHUTDOWN_GRACE_S

    def subscribe(self) -> None:
        """RQ's subscription to its commands channel (stop, kill-horse), read every PUBSUB_POLL_S."""
        self.pubsub = self.connection.pubsub()
        self.pubsub.subscribe(**{self.pubsub_channel_name: self.handle_payload})
        self.pubsub_thread = self.pubsub.run_in_thread(  # type: ignore[assignment]  # RQ declares it None
            sleep_time=PUBSUB_POLL_S, daemon=True, exception_handler=self._pubsub_exception_handler)

    def setup_work_horse_signals(self) -> None:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is for the worker, which asks for a warm stop
        interrupts.install()

    def handle_warm_shutdown_request(self) -> None:
        super().handle_warm_shutdown_request()
        horse = self.horse_pid
        if horse:
            threading.Timer(self.grace_s, _stop_horse, args=(horse,)).start()


def _stop_horse(pid: int) -> None:
    try:
        os.kill(pid, signal.SIGTERM)
    except ProcessLookupError:
        pass  # the job finished within the grace


def run_worker(url: str, problems: ProblemSet, sandbox: str, burst: bool = False, name: str | None = None,
               hidden_paths: tuple[Path, ...] = (), grace_s: float = SHUTDOWN_GRACE_S) -> bool:
    """Runs one judge worker until SIGTERM/Ctrl-C (or, with `burst`, until the queue is empty)."""
    connection = connect(url)
    _setup.problems, _setup.sandbox, _setup.hidden_paths = problems, sandbox, hidden_paths
    worker = JudgeWorker([rq_queue(connection)], connection=connection, serializer=JSONSerializer, name=name,
                         job_monitoring_interval=MONITOR_S)
    worker.grace_s = grace_s
    return worker.work(burst=burst, logging_level="INFO")
