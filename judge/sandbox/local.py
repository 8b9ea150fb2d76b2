"""The local backend: the worker as a child process, confined as far as this kernel allows.

Always: its own session and process group, a clean environment, an empty
temporary working directory, rlimits (address space, CPU, processes, file
size, open files, no core dumps). Where unprivileged namespaces work (util-linux
`unshare`): new user, network, PID and mount namespaces, the judge's own files
hidden under empty read-only tmpfs mounts, and every capability dropped. Run as
root, the worker also drops to the `nobody` user. What is in force is probed
once and reported; nothing missing is skipped silently.
"""

from __future__ import annotations

import functools
import os
import resource
import selectors
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from judge.errors import SandboxError
from judge.limits import Limits
from judge.sandbox.base import (
    Backend,
    Box,
    CapturedOutput,
    Isolation,
    Job,
    Probe,
    Termination,
    WorkerGone,
    WorkerProcess,
)

WORKER_SOURCE = Path(__file__).with_name("worker.py")
NOBODY = 65534
CPU_BACKSTOP_S = 600  # per worker lifetime; per-call time is enforced by the client
CLEAN_ENV = {
    "PATH": "/usr/local/bin:/usr/bin:/bin",
    "LANG": "C.UTF-8",
    "PYTHONHASHSEED": "0",
    "PYTHONDONTWRITEBYTECODE": "1",
    # One BLAS thread: the limits are per process, and threads would blur CPU accounting.
    "OPENBLAS_NUM_THREADS": "1",
    "OMP_NUM_THREADS": "1",
    "MKL_NUM_THREADS": "1",
}
# Runs inside the new namespaces: hide each given path, then exec the rest.
HIDE_AND_EXEC = (
    'while [ "$1" != "--" ]; do '
    'mount -t tmpfs -o ro,size=4k,mode=000 judge-hidden "$1" || exit 97; shift; done; '
    'shift; exec "$@"'
)


@functools.lru_cache(maxsize=1)
def _namespace_prefix() -> tuple[tuple[str, ...], str]:
    """The unshare command that works here, or () and the reason none does."""
    if not shutil.which("unshare") or not shutil.which("setpriv"):
        return (), "util-linux unshare/setpriv not found"
    flags = ["--net", "--pid", "--fork", "--kill-child", "--mount", "--mount-proc"]
    if os.geteuid() != 0:
        flags = ["--user", "--map-root-user", *flags]
    command = ("unshare", *flags)
    probe = [*command, "--", "/bin/sh", "-c", HIDE_AND_EXEC, "probe", tempfile.gettempdir(), "--", "true"]
    try:
        result = subprocess.run(probe, capture_output=True, timeout=10, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return (), f"unshare failed: {exc}"
    if result.returncode != 0:
        reason = result.stderr.decode(errors="replace").strip().splitlines()
        return (), f"unprivileged namespaces unavailable ({reason[-1] if reason else 'unshare failed'})"
    return command, ""


def _privilege_drop() -> tuple[str, ...]:
    """setpriv arguments: no capabilities, no new privileges, and not root."""
    drop = ["setpriv", "--no-new-privs", "--inh-caps=-all", "--bounding-set=-all"]
    if os.geteuid() == 0:
        drop += [f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups"]
    return (*drop, "--")


def _isolation() -> Isolation:
    prefix, reason = _namespace_prefix()
    namespaced = bool(prefix)
    enforced = {
        "separate_session": True,
        "clean_environment": True,
        "empty_working_directory": True,
        "rlimits": True,
        "user_namespace": namespaced and os.geteuid() != 0,
        "network_namespace": namespaced,
        "pid_namespace": namespaced,
        "mount_namespace": namespaced,
        "judge_files_hidden": namespaced,
        "capabilities_dropped": namespaced,
        "non_root": os.geteuid() != 0 or namespaced,
        "memory_is_address_space": True,
    }
    notes = []
    if not namespaced:
        notes.append(
            f"No namespaces ({reason}): the solution can use the network, see the judge's files "
            "and other processes, and processes that leave its process group may outlive the run."
        )
    if os.geteuid() == 0 and namespaced:
        notes.append("Running as root: the worker is dropped to uid 65534 (nobody) in its own namespaces.")
    notes.append("The memory limit caps the worker's address space (RLIMIT_AS), not its resident memory.")
    return Isolation("local", enforced, tuple(notes))


class LocalBackend(Backend):
    name = "local"

    def probe(self) -> Probe:
        return Probe(self.name, True, "always available", _isolation())

    def open(self, job: Job) -> Box:
        return LocalBox(job)


class LocalBox(Box):
    """A temporary directory holding a copy of the solution and the worker."""

    def __init__(self, job: Job) -> None:
        self.job = job
        self.isolation = _isolation()
        self.root = Path(tempfile.mkdtemp(prefix="judge-box-"))
        self.spawned = 0
        self._prepare()

    def _prepare(self) -> None:
        shutil.copyfile(self.job.solution, self.root / "solution.py")
        shutil.copyfile(WORKER_SOURCE, self.root / "worker.py")
        for name in ("work", "out"):
            (self.root / name).mkdir()
        os.chmod(self.root, 0o755)
        for name in ("solution.py", "worker.py"):
            os.chmod(self.root / name, 0o444)
        if os.geteuid() == 0 and _namespace_prefix()[0]:
            for name in ("work", "out"):
                os.chown(self.root / name, NOBODY, NOBODY)

    def spawn(self) -> WorkerProcess:
        self.spawned += 1
        out = self.root / "out"
        stdout, stderr = out / f"stdout.{self.spawned}", out / f"stderr.{self.spawned}"
        worker = [
            sys.executable, "-I", str(self.root / "worker.py"),
            "--solution", str(self.root / "solution.py"),
            "--output-limit", str(self.job.limits.output_bytes),
            "--stdout", str(stdout), "--stderr", str(stderr),
            *[arg for module in self.job.allowed_modules for arg in ("--allow", module)],
        ]
        return LocalWorker(self._command(worker), self.root, self.job.limits, out)

    def _command(self, worker: list[str]) -> list[str]:
        prefix, _ = _namespace_prefix()
        if not prefix:
            return worker
        hidden = [str(p) for p in self.job.hidden_paths if p.is_dir()]
        return [*prefix, "--", "/bin/sh", "-c", HIDE_AND_EXEC, "judge-launch", *hidden, "--", *_privilege_drop(), *worker]

    def close(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)


def _apply_rlimits(limits: Limits) -> None:
    """Runs in the child between fork and exec."""
    for which, value in (
        (resource.RLIMIT_AS, limits.memory_bytes),
        (resource.RLIMIT_CPU, CPU_BACKSTOP_S),
        (resource.RLIMIT_NPROC, limits.processes),
        (resource.RLIMIT_FSIZE, limits.file_size_mb * 1024 * 1024),
        (resource.RLIMIT_NOFILE, limits.open_files),
        (resource.RLIMIT_CORE, 0),
    ):
        resource.setrlimit(which, (value, value))


class LocalWorker(WorkerProcess):
    def __init__(self, command: list[str], root: Path, limits: Limits, out_dir: Path) -> None:
        self.out_dir = out_dir
        self.limits = limits
        try:
            self.process = subprocess.Popen(
                command,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=open(out_dir / "launch.err", "ab"),
                cwd=root / "work",
                env={**CLEAN_ENV, "HOME": str(root / "work")},
                start_new_session=True,
                preexec_fn=lambda: _apply_rlimits(limits),
            )
        except OSError as exc:
            raise SandboxError(f"could not start the local worker: {exc}") from exc
        self.selector = selectors.DefaultSelector()
        self.selector.register(self.process.stdout, selectors.EVENT_READ)
        self.buffer = b""
        self.worker_pid: int | None = None
        self.channel_closed = False
        self.termination: Termination | None = None

    def send(self, line: bytes) -> None:
        try:
            self.process.stdin.write(line + b"\n")
            self.process.stdin.flush()
        except (BrokenPipeError, OSError) as exc:
            raise WorkerGone("the worker closed its channel") from exc

    def receive(self, timeout_s: float) -> bytes | None:
        deadline = time.monotonic() + timeout_s
        while b"\n" not in self.buffer:
            remaining = deadline - time.monotonic()
            if remaining <= 0 or not self.selector.select(remaining):
                return None
            chunk = os.read(self.process.stdout.fileno(), 1 << 20)
            if not chunk:
                self.channel_closed = True
                raise WorkerGone("the worker exited")
            self.buffer += chunk
        line, _, self.buffer = self.buffer.partition(b"\n")
        return line

    def cpu_seconds(self) -> float | None:
        pid = self._find_worker_pid()
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError, TypeError):
            return None
        # utime, stime, cutime, cstime: fields 14-17 of stat(5), counted after the ")".
        ticks = sum(int(v) for v in fields[11:15])
        return ticks / os.sysconf("SC_CLK_TCK")

    def _find_worker_pid(self) -> int | None:
        """The Python worker's host pid: the launcher's child, or the launcher itself."""
        if self.worker_pid is None:
            pid = self.process.pid
            try:
                children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
            except OSError:
                return None
            self.worker_pid = int(children[0]) if children else pid
        return self.worker_pid

    def terminate(self) -> Termination:
        if self.termination is None:
            self.termination = self._kill_and_reap()
        return self.termination

    def _kill_and_reap(self) -> Termination:
        reaped = self._reap_exited() if self.channel_closed else None
        try:  # also when it exited: whatever it left in its process group goes too
            os.killpg(self.process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        _, status, usage = reaped or os.wait4(self.process.pid, 0)
        self.process.returncode = status
        for stream in (self.process.stdin, self.process.stdout):
            stream.close()
        self.selector.close()
        sig = os.WTERMSIG(status) if os.WIFSIGNALED(status) else None
        code = os.WEXITSTATUS(status) if os.WIFEXITED(status) else None
        return Termination(
            exit_code=code,
            signal=sig,
            output_exceeded=sig == signal.SIGXFSZ,
            cpu_exceeded=sig == signal.SIGXCPU,
            peak_memory_kb=usage.ru_maxrss,
        )

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

    def output(self) -> CapturedOutput:
        return read_output(self.out_dir, self.limits.output_bytes)


def read_output(out_dir: Path, cap: int) -> CapturedOutput:
    """The solution's stdout and stderr over all workers of the run, each capped."""
    captured = CapturedOutput()
    for name in ("stdout", "stderr"):
        data = b"".join(p.read_bytes() for p in sorted(out_dir.glob(f"{name}.*")))
        if len(data) > cap:
            captured.truncated = True
            data = data[:cap]
        setattr(captured, name, data.decode("utf-8", errors="replace"))
    return captured
