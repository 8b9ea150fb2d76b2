"""Starting each cell's `judge run` without paying a fresh interpreter's imports.

A cell is the real `judge run --format json` command line (`pool.command_for`)
in a process of its own, with its own sandbox, as before. What changed is where
that process comes from: a fresh interpreter spends about 0.55 s of CPU importing
click, rich, pytest and Hypothesis before a run begins (a cell cost 0.25-0.3 s
of CPU more that way, docs/grading.md#speed). Here the process is forked from the batch's forkserver
(judge/cli/forkserver.py), a process that imported them once. In the child the
command line runs as `python -m judge ARGS` runs it: `judge.__main__.main` with
the command's argv, the cell's environment, stdin from /dev/null, stdout and
stderr in files and fresh random seeds, ending as an interpreter ends (exit
handlers, then the exit code). So the report and the exit code are those of
`judge run`. A command that is not the judge's (the tests' stand-ins) is exec'd
in the child.

The forkserver reads requests on its stdin and answers on its stdout (JSON
lines): `started PID` or `failed WHY` per request, `ended PID CODE` when a cell
ends (CODE as Popen says it: -N for a signal). It ignores SIGINT, SIGTERM and
SIGHUP (a signal to the whole process group stops the runs, not the process that
reports their exit codes) and exits on EOF of its stdin: when the pool is done,
or when `judge grade` dies, even by SIGKILL. Each cell has PR_SET_PDEATHSIG
SIGTERM, tied to the forkserver, so the runs of a killed grader stop and remove
their sandboxes.
"""

from __future__ import annotations

import json
import os
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

from judge import interrupts

START_TIMEOUT_S = 60.0  # the first start includes the forkserver's imports; a loaded machine is slow
FORKSERVER = "from judge.cli.forkserver import main; main()"


class CellProcess:
    """A forked cell, with the part of `subprocess.Popen`'s interface the pool uses."""

    def __init__(self, server: Forkserver, pid: int) -> None:
        self._server = server
        self.pid = pid
        self.returncode: int | None = None

    def poll(self) -> int | None:
        if self.returncode is None:
            self.returncode = self._server.code_of(self.pid)
        return self.returncode

    def send_signal(self, signum: int) -> None:
        if self.poll() is None:
            try:
                os.kill(self.pid, signum)
            except ProcessLookupError:
                pass

    def kill(self) -> None:
        self.send_signal(signal.SIGKILL)

    def wait(self, timeout: float | None = None) -> int:
        deadline = None if timeout is None else time.monotonic() + timeout
        while (code := self.poll()) is None:
            left = 0.1 if deadline is None else deadline - time.monotonic()
            if left <= 0:
                raise subprocess.TimeoutExpired(["judge", "run"], timeout or 0.0)
            self._server.collect(min(left, 0.1))
        return code


class Forkserver:
    """The pool's side of the forkserver: started with the first cell, ended by `close()`."""

    def __init__(self) -> None:
        self._process: subprocess.Popen | None = None
        self._buffer = b""
        self._codes: dict[int, int] = {}
        self._live: set[int] = set()  # started, not reported ended
        self._replies: list[str] = []

    def start(self, command: list[str], environment: dict[str, str], stdout: Path, stderr: Path) -> CellProcess:
        """`command` run in a forked child with this environment, its output in these (existing) files."""
        server = self._running()
        request = {"command": command, "env": environment, "stdout": str(stdout), "stderr": str(stderr)}
        assert server.stdin is not None
        try:
            server.stdin.write((json.dumps(request) + "\n").encode())
            server.stdin.flush()
        except (BrokenPipeError, ValueError) as exc:
            raise OSError(f"the forkserver is gone ({exc})") from exc
        deadline = time.monotonic() + START_TIMEOUT_S
        while not self._replies:
            if self._process is not server:
                raise OSError("the forkserver ended before starting the run")
            if time.monotonic() > deadline:
                raise OSError(f"the forkserver did not start the run within {START_TIMEOUT_S:g} s")
            self.collect(0.1)
        kind, _, value = self._replies.pop(0).partition(" ")
        if kind != "started":
            raise OSError(value)
        self._live.add(int(value))
        return CellProcess(self, int(value))

    def code_of(self, pid: int) -> int | None:
        """The cell's exit code once it has ended."""
        self.collect(0)
        return self._codes.get(pid)

    def collect(self, wait_s: float) -> None:
        """Reads what the forkserver said, waiting up to `wait_s` for the first of it."""
        if self._process is None:
            return
        assert self._process.stdout is not None
        fd = self._process.stdout.fileno()
        with interrupts.shielded():  # a line read is a line recorded
            while select.select([fd], [], [], wait_s)[0]:
                data = os.read(fd, 65536)
                if not data:
                    self._lost()
                    return
                self._buffer += data
                *lines, self._buffer = self._buffer.split(b"\n")
                for line in lines:
                    self._said(line.decode())
                wait_s = 0

    def _said(self, line: str) -> None:
        kind, _, rest = line.partition(" ")
        if kind == "ended":
            pid, code = rest.split()
            self._codes[int(pid)] = int(code)
            self._live.discard(int(pid))
        else:
            self._replies.append(line)

    def _lost(self) -> None:
        """The forkserver died (killed by someone): its running cells got SIGTERM from the kernel
        (PR_SET_PDEATHSIG) and are said to have ended so; the next cell starts a new forkserver."""
        for pid in self._live:
            self._codes[pid] = -signal.SIGTERM
        self._live.clear()
        self._replies.clear()
        self._buffer = b""
        self.close()

    def _running(self) -> subprocess.Popen:
        if self._process is None:
            self._process = subprocess.Popen([sys.executable, "-c", FORKSERVER], stdin=subprocess.PIPE,
                                             stdout=subprocess.PIPE)
        return self._process

    def close(self, timeout_s: float = 10.0) -> None:
        """Ends the forkserver (EOF on its stdin) and waits for it, so its cells' CPU time counts as ours."""
        if self._process is None:
            return
        with interrupts.shielded():
            assert self._process.stdin is not None and self._process.stdout is not None
            try:
                self._process.stdin.close()
            except OSError:
                pass
            try:
                self._process.wait(timeout=timeout_s)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()
            self._process.stdout.close()
            self._process = None
