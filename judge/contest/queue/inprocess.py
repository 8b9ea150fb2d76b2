"""The default judging queue: N judge workers beside the server, nothing to install.

Each worker is a thread that takes the next submission id (first in, first
out), claims it in the store, has it judged in a child process and records the
verdict. Judging runs in a child, not in the thread, because the harness is not
thread-safe: it runs pytest in-process with process-wide state (Hypothesis's
settings profile and home folder, `sys.stdout` redirected, the hidden tests'
module removed from `sys.modules` after each run). Two judgings in two threads
of one process would step on each other; two processes cannot.

The children come from a multiprocessing forkserver that has imported the
judge once, so a judging starts in milliseconds rather than the second a fresh
interpreter takes to import pytest, Hypothesis and NumPy; and each judging
starts from the same clean state, as a `judge run` does.

Exactly once: a submission id is held in memory from submit to record, so a
duplicate submit while it waits or runs is ignored; across processes the
store's claim decides who judges, and its record writes the verdict only for
the claim's owner, once.

Stopping: `close()` sends SIGTERM to the running children (a run stops within
2 s and removes its sandbox, docs/limits.md), gives their submissions back
(pending, no owner) and waits for the threads. A killed server's children get
SIGTERM from the kernel when the forkserver goes (PR_SET_PDEATHSIG), and its
unjudged submissions are taken up by the next `start()`.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import queue
import threading
import time
from collections.abc import Callable
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from judge import interrupts
from judge.contest.clock import Clock, SystemClock
from judge.contest.judging import JudgeOptions, _database_folder  # the folder SubmissionJudge hides too
from judge.contest.owner import Owner, current_owner
from judge.contest.queue.jobs import (
    Job,
    SandboxUnavailable,
    internal_error,
    judged_elsewhere,
    judgement_from_dict,
    run_job,
    with_sandbox,
)
from judge.contest.store import ContestStore, Submission
from judge.harness.run import default_hidden_paths
from judge.problems import ProblemSet

log = logging.getLogger(__name__)

MAX_RUNS = 3  # a submission whose judging died this often (not stopped by us) is recorded as an internal error
_STOP = -1  # a worker thread's sign to finish


class InProcessQueue:
    """`JudgingQueue` with `workers` judging threads in this process, each judging in a child process."""

    def __init__(self, store_path: Path, problems: ProblemSet, workers: int, options: JudgeOptions,
                 clock: Clock | None = None) -> None:
        self.store_path, self.problems, self.options = store_path, problems, options
        self.workers = max(1, workers)
        self.clock = clock or SystemClock()
        self.owner: Owner = current_owner()
        self._waiting: queue.Queue[int] = queue.Queue()
        self._held: set[int] = set()  # ids waiting or being judged here: a duplicate submit is ignored
        self._children: dict[int, multiprocessing.Process] = {}  # submission id -> the child judging it
        self._lock = threading.Lock()
        self._threads: list[threading.Thread] = []
        self._stopping = threading.Event()
        self._context = _forkserver()
        # The database holds every participant's source: no sandbox may read its folder.
        self._hidden = [str(p) for p in (*_database_folder(store_path), *default_hidden_paths(None))]

    # --- JudgingQueue ----------------------------------------------------------------------

    def start(self) -> None:
        """Starts the workers and re-queues, oldest first, every submission whose judge is gone."""
        with ContestStore(self.store_path) as store:
            left = store.abandoned()
        for number in range(self.workers):
            thread = threading.Thread(target=self._work, name=f"judge-worker-{number + 1}", daemon=True)
            thread.start()
            self._threads.append(thread)
        for submission in left:
            self.submit(submission.id)

    def submit(self, submission_id: int) -> None:
        with self._lock:
            if submission_id in self._held or self._stopping.is_set():
                return
            self._held.add(submission_id)
        self._waiting.put(submission_id)

    def counts(self) -> dict[str, int]:
        with self._lock:
            judging = len(self._children)
            return {"queued": len(self._held) - judging, "judging": judging}

    def close(self, timeout_s: float = 5.0) -> None:
        """Stops the children, gives their submissions back to pending and ends the threads."""
        self._stopping.set()
        for _ in self._threads:
            self._waiting.put(_STOP)
        with self._lock:
            children = list(self._children.values())
        for child in children:
            _terminate(child)
        deadline = time.monotonic() + timeout_s
        for thread in self._threads:
            thread.join(max(0.0, deadline - time.monotonic()))
        for child in children:  # past the deadline: no more waiting
            if child.exitcode is None:
                child.kill()

    # --- the workers -----------------------------------------------------------------------

    def _work(self) -> None:
        """One worker: its own store connection (SQLite connections stay in their thread)."""
        with ContestStore(self.store_path) as store:
            while (submission_id := self._waiting.get()) != _STOP:
                if self._stopping.is_set():
                    continue  # left pending in the store, owned by this stopping server: the next start takes it
                again = False
                try:
                    again = self._judge(store, store.submission(submission_id))
                except Exception:  # one submission's failure must not end the worker
                    log.exception("judging submission #%s failed", submission_id)
                finally:
                    if again:
                        self._waiting.put(submission_id)  # still held: a duplicate submit stays ignored
                    else:
                        with self._lock:
                            self._held.discard(submission_id)

    def _judge(self, store: ContestStore, submission: Submission) -> bool:
        """Claims, judges and records one submission; True when it must go round again."""
        if submission.judged or judged_elsewhere(submission, self.owner):
            return False
        if not store.claim(submission, self.owner):
            return False  # another judge took it first
        recorded = False
        try:
            result = self._run_child(Job.of(submission))
            recorded = self._record(store, submission, result)
            return False
        except _Stopped:
            return False  # released below: judged again after a restart
        except SandboxUnavailable as exc:
            log.error("submission #%s left pending: %s", submission.id, exc)
            return False
        except _ChildDied as exc:
            runs = store.submission(submission.id).judging_runs
            if runs < MAX_RUNS:  # a judging that died on its own is tried again, then called an internal error
                log.warning("judging submission #%s died (%s); queued again", submission.id, exc)
                return True
            why = f"judging stopped {runs} times without a verdict ({exc})"
            recorded = self._record(store, submission, internal_error(Job.of(submission), why))
            return False
        finally:
            if not recorded:  # whatever happened, never left 'judging' by a live server
                store.release(submission.id, self.owner)

    def _record(self, store: ContestStore, submission: Submission, result: dict[str, Any]) -> bool:
        if store.record(submission.id, self.owner, judgement_from_dict(result), self.clock.now()):
            return True
        log.error("submission #%s: its verdict was not recorded (judged by another judge meanwhile?)", submission.id)
        return False

    def _run_child(self, job: Job) -> dict[str, Any]:
        """The job judged in a child process; its result, or why there is none."""
        receiver, sender = self._context.Pipe(duplex=False)
        child = self._context.Process(target=_judge_in_child, name=f"judge-{job.submission}", daemon=True,
                                      args=(job.to_dict(), [str(r) for r in self.problems.roots],
                                            self.options.sandbox, self._hidden, sender))
        with self._lock:
            if self._stopping.is_set():
                raise _Stopped()
            child.start()
            self._children[job.submission] = child
        sender.close()  # ours: only the child's end stays open, so its death reads as EOF
        try:
            return _receive(receiver, child, self._stopping.is_set)
        finally:
            receiver.close()
            child.join()
            with self._lock:
                self._children.pop(job.submission, None)


class _Stopped(Exception):
    """The queue is closing: the judging was stopped, not finished."""


class _ChildDied(Exception):
    """The child ended without a result (killed by the kernel, a crash of the judge itself)."""


def _receive(receiver: Connection, child: multiprocessing.Process, stopping: Callable[[], bool]) -> dict[str, Any]:
    try:
        kind, value = receiver.recv()
    except EOFError:
        child.join()
        if stopping():
            raise _Stopped() from None
        raise _ChildDied(f"exit code {child.exitcode}") from None
    if kind == "sandbox":
        raise SandboxUnavailable(value)
    if kind == "interrupted" or stopping():
        raise _Stopped()
    return value


def _terminate(child: multiprocessing.Process) -> None:
    if child.exitcode is None:
        child.terminate()  # SIGTERM: the run stops and removes its sandbox


def _forkserver() -> Any:
    """A forkserver context whose server has imported the judge once (children start in milliseconds)."""
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(
        ["judge.contest.queue.jobs", "judge.harness.run", "judge.harness.session", "judge.complexity"])
    return context


def _judge_in_child(job: dict[str, Any], roots: list[str], sandbox: str, hidden: list[str],
                    sender: Connection) -> None:
    """A child's whole life: judge one job, send ("result", dict), ("sandbox", why) or ("interrupted", sig)."""
    interrupts.die_with_parent(os.getppid())
    interrupts.install()  # SIGTERM becomes Interrupted: every `finally` on the way out removes the sandbox
    problems = ProblemSet(*(Path(root) for root in roots))
    try:
        hidden_paths = tuple(Path(path) for path in hidden)
        sender.send(("result", run_job(with_sandbox(Job.from_dict(job), sandbox), problems, hidden_paths)))
    except SandboxUnavailable as exc:
        sender.send(("sandbox", str(exc)))
    except interrupts.Interrupted as exc:
        sender.send(("interrupted", exc.signum))

