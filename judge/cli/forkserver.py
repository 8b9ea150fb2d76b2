"""`judge grade`'s forkserver: imports what every `judge run` imports once, then forks a child per cell.

Started by judge/grade/cells.py (which says the protocol) as
`python -c "from judge.cli.forkserver import main; main()"`. The child
returns from `serve()` with its request, and `main()` runs it as the whole rest
of the interpreter's life, so it ends as `python -m judge` ends.
"""

from __future__ import annotations

import contextlib
import importlib
import json
import os
import random
import select
import signal
import sys
from typing import Any

from judge import interrupts

STOPPING = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)
# What `judge run --format json` imports (python -X importtime), the heavy part being click, rich,
# pytest and Hypothesis; a module missing here is imported by the run itself, as before.
PRELOAD = (
    "judge.__main__", "judge.cli.main", "judge.cli.run", "judge.harness.run", "judge.harness.session", "judge.testing",
    "judge.complexity", "judge.report.json_report", "judge.report.text", "judge.sandbox.local.box",
    "judge.sandbox.local.process",
    "judge.sandbox.docker.box", "judge.sandbox.docker.process", "docker", "_hypothesis_pytestplugin",
    # pytest's own plugins, which pytest.main imports at the first session of a process
    *(f"_pytest.{name}" for name in ("mark", "main", "runner", "fixtures", "helpconfig", "python", "terminal",
                                     "unittest", "capture", "skipping", "tmpdir", "monkeypatch", "recwarn",
                                     "assertion", "cacheprovider", "warnings", "logging", "reports")),
)


def main() -> None:
    request = serve()  # returns only in a child
    run_cell(request)


def serve() -> dict[str, Any]:
    """Forks a child per request line on stdin until EOF; reports starts and ends on stdout."""
    for signum in STOPPING:
        signal.signal(signum, signal.SIG_IGN)
    for name in PRELOAD:
        with contextlib.suppress(Exception):  # not importable here (docker's SDK is optional): the run says why
            importlib.import_module(name)
    wake_r, wake_w = os.pipe()
    os.set_blocking(wake_r, False)
    os.set_blocking(wake_w, False)
    signal.signal(signal.SIGCHLD, lambda signum, frame: None)
    signal.set_wakeup_fd(wake_w)
    pending = b""
    while True:
        ready = select.select([0, wake_r], [], [])[0]
        if wake_r in ready:
            with contextlib.suppress(BlockingIOError):
                os.read(wake_r, 4096)
            _report_ended()
        if 0 not in ready:
            continue
        data = os.read(0, 1 << 20)
        if not data:  # the pool is done, or judge grade is gone: the cells (if any) get SIGTERM as we go
            os._exit(0)
        pending += data
        *lines, pending = pending.split(b"\n")
        for line in lines:
            request = json.loads(line)
            try:
                pid = os.fork()
            except OSError as exc:
                _say(f"failed {exc}")
                continue
            if pid == 0:
                signal.set_wakeup_fd(-1)
                os.close(wake_r)
                os.close(wake_w)
                return request
            _say(f"started {pid}")


def _report_ended() -> None:
    while True:
        try:
            pid, status = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return
        _say(f"ended {pid} {os.waitstatus_to_exitcode(status)}")


def _say(line: str) -> None:
    try:
        os.write(1, (line + "\n").encode())
    except OSError:  # the pool is gone: EOF on stdin comes next
        pass


def run_cell(request: dict[str, Any]) -> None:
    """The child's whole life: the command line as a fresh `python -m judge` would run it."""
    interrupts.die_with_parent(os.getppid())
    for signum in (signal.SIGTERM, signal.SIGHUP, signal.SIGCHLD):
        signal.signal(signum, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.default_int_handler)  # what a fresh interpreter starts with
    environment, command = request["env"], request["command"]
    os.environ.clear()
    os.environ.update(environment)
    _redirect(request["stdout"], request["stderr"])
    random.seed()  # not the forkserver's state, which every child shares
    if command[:3] != [sys.executable, "-m", "judge"]:
        try:
            os.execve(command[0], command, environment)
        except OSError as exc:
            sys.stderr.write(f"`judge run` could not start: {exc}\n")
            sys.stderr.flush()
            os._exit(127)
    import judge.__main__ as entry

    sys.argv = [str(entry.__file__), *command[3:]]
    entry.main()  # ends the process as `judge` ends it: exit handlers, flushed streams, the run's code



def _redirect(stdout: str, stderr: str) -> None:
    """stdin from /dev/null, fds 1 and 2 onto the cell's files, and the streams a fresh interpreter makes
    (sys.__stdout__ and the like, the forkserver's, write to the same fds)."""
    encoding = getattr(sys.stdout, "encoding", None) or "utf-8"
    errors = getattr(sys.stdout, "errors", None) or "strict"
    for fd, path, flags in ((0, os.devnull, os.O_RDONLY), (1, stdout, os.O_WRONLY | os.O_TRUNC),
                            (2, stderr, os.O_WRONLY | os.O_TRUNC)):
        opened = os.open(path, flags)
        os.dup2(opened, fd)
        os.close(opened)
    sys.stdin = open(0, encoding=encoding, closefd=False)  # noqa: SIM115
    sys.stdout = open(1, "w", encoding=encoding, errors=errors, closefd=False)  # noqa: SIM115
    sys.stderr = open(2, "w", buffering=1, encoding=encoding, errors="backslashreplace",  # noqa: SIM115 (line-buffered)
                      closefd=False)
