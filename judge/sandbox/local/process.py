"""One local worker: the launcher (under unshare, or plain), its channel, its CPU time and its end."""

from __future__ import annotations

import json
import os
import resource
import selectors
import signal
import subprocess
import time
from pathlib import Path
from typing import IO

from judge.errors import SandboxError
from judge.limits import Limits
from judge.sandbox.base import CapturedOutput, Termination, WorkerGone, WorkerProcess
from judge.sandbox.local.box_init import apply_rlimits
from judge.sandbox.output import read_output
from judge.sandbox.pipes import Lines, widen
from judge.sandbox.procfs import kill_user_processes, tree_cpu_seconds, tree_wait_seconds
from judge.sandbox.spin import answered_soon
from judge.sandbox.termination import from_status

CPU_BACKSTOP_S = 600  # per worker lifetime; per-call time is enforced by the client


# How often a waiting judge checks that the worker itself is still there: a fork of it
# holding the channel open must not make a dead worker look like a slow one.
EXIT_POLL_S = 0.1


def _piped(stream: IO[bytes] | None) -> IO[bytes]:
    assert stream is not None  # Popen made the pipe: it was asked for with subprocess.PIPE
    return stream


def _rlimits(limits: Limits) -> list[tuple[int, int]]:
    return [
        (resource.RLIMIT_AS, limits.memory_bytes),
        (resource.RLIMIT_CPU, CPU_BACKSTOP_S),
        (resource.RLIMIT_NPROC, limits.processes),
        (resource.RLIMIT_FSIZE, limits.file_size_mb * 1024 * 1024),
        (resource.RLIMIT_NOFILE, limits.open_files),
        (resource.RLIMIT_CORE, 0),
    ]


class LocalWorker(WorkerProcess):
    def __init__(self, command: list[str], limits: Limits, out_dir: Path, keep_fds: tuple[int, ...],
                 status_fd: int | None, cwd: Path, env: dict[str, str], *, rlimits_here: bool,
                 sweep_uid: int | None = None, first_line: bytes = b"") -> None:
        self.out_dir = out_dir
        self.limits = limits
        self.status_fd = status_fd
        self.sweep_uid = sweep_uid
        self.reaped: tuple | None = None
        rlimits = _rlimits(limits) if rlimits_here else []
        try:
            with open(out_dir / "launch.err", "ab") as launch_err:
                self.process = subprocess.Popen(
                    command,
                    stdin=subprocess.PIPE,
                    stdout=subprocess.PIPE,
                    stderr=launch_err,
                    pass_fds=keep_fds,
                    cwd=cwd,
                    env=env,
                    start_new_session=True,
                    # Only without namespaces (the init sets them otherwise): a Python callback
                    # between fork and exec is best avoided in a judge that may run threads.
                    preexec_fn=(lambda: apply_rlimits(rlimits)) if rlimits else None,  # noqa: PLW1509
                )
            self.stdin, self.stdout = _piped(self.process.stdin), _piped(self.process.stdout)
            for pipe in (self.stdin, self.stdout):
                widen(pipe.fileno())
            self._write_first_line(first_line)
        except OSError as exc:
            raise SandboxError(f"could not start the local worker: {exc}") from exc
        finally:
            for fd in keep_fds:  # the child has its copies; ours would keep the status pipe open
                os.close(fd)
        self.selector = selectors.DefaultSelector()
        self.selector.register(self.stdout, selectors.EVENT_READ)
        self.replies = Lines()
        self.channel_closed = False
        self.termination: Termination | None = None
        self.termination_report: dict | None = None

    def _write_first_line(self, line: bytes) -> None:
        """The init's configuration, ahead of the protocol on the same pipe."""
        try:
            self.stdin.write(line)
            self.stdin.flush()
        except OSError:
            pass  # the init is gone already: the first receive says how

    def send(self, line: bytes) -> None:
        try:
            self.stdin.write(line + b"\n")
            self.stdin.flush()
        except (BrokenPipeError, OSError, ValueError) as exc:
            raise WorkerGone("the worker closed its channel") from exc
        self.just_sent = True

    def receive(self, timeout_s: float) -> bytes | None:
        deadline = time.monotonic() + timeout_s
        if self.just_sent and not self.replies.complete:
            answered_soon(lambda: bool(self.selector.select(0)))
        self.just_sent = False
        while not self.replies.complete:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return None
            if not self.selector.select(min(remaining, EXIT_POLL_S)):
                # Gone, though a fork of it may hold the channel open (a last look first:
                # it may have answered just before it went).
                if self._exited() and not self.selector.select(0):
                    self._channel_gone()
                continue
            chunk = os.read(self.stdout.fileno(), 1 << 20)
            if not chunk:
                self._channel_gone()
            self.replies.feed(chunk)
        return self.replies.pop()

    def _exited(self) -> bool:
        if self.reaped is None:
            pid, status, usage = os.wait4(self.process.pid, os.WNOHANG)
            if pid:
                self.reaped = (pid, status, usage)
        return self.reaped is not None

    def _channel_gone(self) -> None:
        self.channel_closed = True
        self._raise_if_setup_failed()
        raise WorkerGone("the worker exited")

    def _raise_if_setup_failed(self) -> None:
        """The init could not build the sandbox: our failure, never the solution's."""
        if self.status_fd is None:
            return
        self.terminate()
        error = (self.termination_report or {}).get("setup_error")
        if error:
            raise SandboxError(f"the local sandbox could not be set up: {error}")

    def cpu_seconds(self) -> float | None:
        """CPU time of the whole process tree (init, worker and every fork), per the kernel."""
        return tree_cpu_seconds(self.process.pid)

    def wait_seconds(self) -> float | None:
        return tree_wait_seconds(self.process.pid)

    def terminate(self) -> Termination:
        if self.termination is None:
            self.termination = self._kill_and_reap()
        return self.termination

    def _kill_and_reap(self) -> Termination:
        reaped = self.reaped or (self._reap_exited() if self.channel_closed else None)
        try:  # also when it exited: whatever it left in its process group goes too
            os.killpg(self.process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        if self.sweep_uid is not None:
            kill_user_processes(self.sweep_uid)
        _, status, usage = reaped or os.wait4(self.process.pid, 0)
        self.process.returncode = status
        for stream in (self.stdin, self.stdout):
            try:
                stream.close()
            except OSError:
                pass
        self.selector.close()
        self.termination_report = self._read_status()
        return _termination(status, usage, self.termination_report)

    def _reap_exited(self, grace_s: float = 1.0):
        """The worker closed its channel: give it a moment to exit on its own,
        so its own exit status (a signal, an exit code) is what we report."""
        deadline = time.monotonic() + grace_s
        while time.monotonic() < deadline:
            pid, status, usage = os.wait4(self.process.pid, os.WNOHANG)
            if pid:
                return pid, status, usage
            time.sleep(0.005)
        return None

    def _read_status(self) -> dict | None:
        """What the init said about the worker's end (None when it was killed first)."""
        if self.status_fd is None:
            return None
        try:
            os.set_blocking(self.status_fd, False)
            data = os.read(self.status_fd, 1 << 16)
        except OSError:
            data = b""
        finally:
            os.close(self.status_fd)
            self.status_fd = None
        try:
            report = json.loads(data)
        except ValueError:
            return None
        return report if isinstance(report, dict) else None

    def output(self) -> CapturedOutput:
        return read_output(self.out_dir, self.limits.output_bytes)


def _termination(status: int, usage, report: dict | None) -> Termination:
    """The worker's end: the init's report of it when there is one, else the launcher's status."""
    sig = os.WTERMSIG(status) if os.WIFSIGNALED(status) else None
    code = os.WEXITSTATUS(status) if os.WIFEXITED(status) else None
    peak = usage.ru_maxrss
    if report and ("exit" in report or "signal" in report):
        sig, code = report.get("signal"), report.get("exit")
        peak = report.get("maxrss_kb", peak)
    return from_status(code, sig, peak_memory_kb=peak)
