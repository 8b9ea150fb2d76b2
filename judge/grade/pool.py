"""Runs the cells: each one is the real `judge run` in a process of its own.

One run stays the unit (docs/architecture.md): a cell is judged exactly as a
candidate's `judge run --format json` would be, so a crash, a hang or a bug in
one cell cannot touch another, and the batch only reads JSON back. The process
is forked from a forkserver that imported the judge once (judge/grade/cells.py),
which saves each cell a fresh interpreter's imports. At most `jobs` processes
run at once. The graded tree is added to $JUDGE_HIDE, so no
sandbox can read the other members' files; each cell gets its own data
directory in a private temporary folder (the organiser's history is not
theirs, and parallel runs must not share one file).

On a signal (an `Interrupted` in the main thread) every running child gets
SIGTERM, which stops a run within 2 s (docs/limits.md); the children are
waited for, the cells finished so far stay in `Pool.finished`, and the
exception goes on to the caller.

SIGKILL of `judge grade` cannot be caught: the forkserver ends with it (EOF on
its stdin), and each child has PR_SET_PDEATHSIG SIGTERM, tied to the
forkserver, so it removes its own sandbox as on any SIGTERM
(judge/grade/cells.py).
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from judge import interrupts, scratch
from judge.grade.cache import Cache
from judge.grade.cells import CellProcess, Forkserver
from judge.grade.discovery import Submission

POLL_S = 0.05
STOP_GRACE_S = 10.0  # a run stops within 2 s of SIGTERM; this is for a machine under load
# `judge run`'s exit code for each verdict (docs/cli.md); 9 is accepted with a worse complexity.
VERDICT_CODES = {
    "accepted": {0, 9}, "wrong_answer": {1}, "runtime_error": {3}, "time_limit_exceeded": {4},
    "memory_limit_exceeded": {5}, "output_limit_exceeded": {6}, "compile_error": {7},
    "forbidden_import": {8}, "internal_error": {70},
}


@dataclass(frozen=True)
class RunOptions:
    """How every cell is judged: the same for all of them."""

    sandbox: str  # a concrete backend name, resolved once for the batch
    seed: int = 0
    complexity: bool = True
    problem_roots: tuple[Path, ...] = ()  # every folder of problems of the batch, in its order
    hide: tuple[Path, ...] = ()  # folders no sandbox may read (the graded tree)


@dataclass
class CellOutcome:
    """What one cell's run said: its JSON report, or why there is none."""

    submission: Submission
    verdict: str
    message: str = ""
    report: dict[str, Any] | None = None
    duration_s: float = 0.0
    cached: bool = False  # the report is a stored one (judge/grade/cache.py); duration_s is its run's


@dataclass
class _Running:
    submission: Submission
    process: CellProcess
    stdout: Path  # files the child writes (no pipe to fill up), read when it has ended
    stderr: Path
    started: float = field(default_factory=time.monotonic)
    key: str | None = None  # where its report goes in the cache


def command_for(submission: Submission, options: RunOptions) -> list[str]:
    """The `judge run` command line of one cell. Sequential: the batch keeps the cores busy with
    cells, and a cell that fails would pay for a complexity measurement thrown away."""
    command = [sys.executable, "-m", "judge", "run", submission.slug, "--solution", str(submission.path),
               "--sandbox", options.sandbox, "--format", "json", "--seed", str(options.seed), "--sequential"]
    return command if options.complexity else [*command, "--no-complexity"]


def child_environment(options: RunOptions, home: Path) -> dict[str, str]:
    """A cell's environment: ours, its own data directory, the graded tree hidden."""
    env = {**os.environ, "JUDGE_HOME": str(home)}
    hidden = [p for p in os.environ.get("JUDGE_HIDE", "").split(os.pathsep) if p]
    env["JUDGE_HIDE"] = os.pathsep.join([*hidden, *(str(p) for p in options.hide)])
    if options.problem_roots:  # the same problems as the batch (all its folders), whatever the cwd
        env["JUDGE_PROBLEMS"] = os.pathsep.join(str(root) for root in options.problem_roots)
    return env


class Pool:
    """A bounded set of `judge run` processes working through the cells."""

    def __init__(self, options: RunOptions, jobs: int,
                 on_start: Callable[[Submission], None] = lambda s: None,
                 on_done: Callable[[CellOutcome], None] = lambda o: None, cache: Cache | None = None) -> None:
        self.options, self.jobs, self.cache = options, max(1, jobs), cache
        self.on_start, self.on_done = on_start, on_done
        self.finished: list[CellOutcome] = []
        self._running: list[_Running] = []
        self._started = 0
        self._forkserver = Forkserver()

    @property
    def running(self) -> int:
        return len(self._running)

    def run(self, submissions: list[Submission]) -> list[CellOutcome]:
        """Judges every submission; returns the outcomes in the order they finished."""
        queue = deque(submissions)
        with scratch.folder("grade") as home:
            try:
                while queue or self._running:
                    self._fill(queue, home)
                    self._reap()
                    self._forkserver.collect(POLL_S)  # wakes as soon as a cell ends
            finally:
                self._stop_all()
                self._forkserver.close()
        return self.finished

    def _fill(self, queue: deque[Submission], home: Path) -> None:
        while queue and len(self._running) < self.jobs:
            submission = queue.popleft()
            if submission.unjudgeable is not None:  # decided without a run
                self._record(CellOutcome(submission, "compile_error", submission.unjudgeable))
                continue
            key = self._cache_key(submission)
            if self._from_cache(submission, key):
                continue
            with interrupts.shielded():  # a child started is always one we know of, to stop it
                self._started += 1
                try:
                    self._running.append(self._start(submission, home / f"cell-{self._started}", key))
                except OSError as exc:  # no process to be had (fork, files): this cell's failure only
                    self._record(CellOutcome(submission, "internal_error", f"`judge run` could not start: {exc}"))
                    continue
            self.on_start(submission)

    def _cache_key(self, submission: Submission) -> str | None:
        if self.cache is None:
            return None
        options = self.options
        settings = (options.sandbox, str(options.seed), str(options.complexity), *(str(p) for p in options.hide))
        return self.cache.key(submission, settings)

    def _from_cache(self, submission: Submission, key: str | None) -> bool:
        """Records the cell from a stored report of a run like this one; False when there is none."""
        stored = self.cache.get(key) if self.cache is not None and key is not None else None
        if stored is None:
            return False
        report = stored["report"]
        verdict = report.get("verdict")
        if verdict not in VERDICT_CODES or verdict == "internal_error":  # not one we would have stored
            return False
        duration = stored.get("duration_s")
        self._record(CellOutcome(submission, verdict, report.get("message", ""), report,
                                 float(duration) if isinstance(duration, (int, float)) else 0.0, cached=True))
        return True

    def _start(self, submission: Submission, home: Path, key: str | None = None) -> _Running:
        env = child_environment(self.options, home)
        stdout, stderr = home.with_name(f"{home.name}.stdout"), home.with_name(f"{home.name}.stderr")
        for path in (stdout, stderr):
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        try:  # the pid is the run's own, so SIGTERM/SIGKILL reach it directly
            process = self._forkserver.start(command_for(submission, self.options), env, stdout, stderr)
        except BaseException:
            for path in (stdout, stderr):
                path.unlink(missing_ok=True)
            raise
        return _Running(submission, process, stdout, stderr, key=key)

    def _reap(self) -> None:
        for cell in [c for c in self._running if c.process.poll() is not None]:
            with interrupts.shielded():  # a finished cell is recorded whole, or not at all
                self._running.remove(cell)
                outcome = _outcome(cell)
                if self.cache is not None and cell.key is not None and outcome.report is not None:
                    self.cache.put(cell.key, outcome.report, outcome.duration_s)  # never internal_error
                self._record(outcome)

    def _record(self, outcome: CellOutcome) -> None:
        self.finished.append(outcome)
        self.on_done(outcome)

    def _stop_all(self) -> None:
        """SIGTERM to every child still running, then wait for each (SIGKILL past the grace)."""
        with interrupts.shielded():
            for cell in self._running:
                if cell.process.poll() is None:
                    cell.process.send_signal(signal.SIGTERM)
            deadline = time.monotonic() + STOP_GRACE_S
            for cell in self._running:
                try:
                    cell.process.wait(timeout=max(0.0, deadline - time.monotonic()))
                except subprocess.TimeoutExpired:
                    cell.process.kill()
                    cell.process.wait()
                _close(cell)
            self._running.clear()


def _outcome(cell: _Running) -> CellOutcome:
    """The cell's verdict from its JSON; internal_error when the run did not end as a run does."""
    code = cell.process.returncode
    assert code is not None  # reaped: it has ended
    out, err = _read(cell.stdout), _read(cell.stderr)
    _close(cell)
    duration = time.monotonic() - cell.started
    report = _parse_report(out)
    if report is not None and code in VERDICT_CODES.get(report.get("verdict", ""), ()):
        return CellOutcome(cell.submission, report["verdict"], report.get("message", ""), report, duration)
    said = " ".join(line.strip() for line in err.decode(errors="replace").splitlines()[-5:] if line.strip())
    what = _how_it_ended(code) + ("" if report is None else " with a report that disagrees")
    message = f"{what}: {said[-2000:]}" if said else f"{what} and printed no JSON report."
    return CellOutcome(cell.submission, "internal_error", message, None, duration)


def _how_it_ended(code: int) -> str:
    """A run's end in words: killed by a signal (the OOM killer, someone's kill) or an exit code."""
    if code < 0:
        return f"`judge run` was killed by {_signal_name(-code)}"
    if code - 128 in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):  # stopped by someone, not by us
        return f"`judge run` was stopped by {_signal_name(code - 128)} (exit {code})"
    return f"`judge run` exited {code}"


def _signal_name(number: int) -> str:
    try:
        return signal.Signals(number).name
    except ValueError:
        return f"signal {number}"


def _parse_report(out: bytes) -> dict[str, Any] | None:
    try:
        report = json.loads(out)
    except ValueError:
        return None
    return report if isinstance(report, dict) else None


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError:
        return b""


def _close(cell: _Running) -> None:
    cell.stdout.unlink(missing_ok=True)
    cell.stderr.unlink(missing_ok=True)
