"""The local backend: the worker as a child process, confined as far as this kernel allows.

Always: its own session and process group, a clean environment, rlimits
(address space, CPU, processes, file size, open files, no core dumps), and
the solution's stdout/stderr going to files the judge opened itself: the
worker gets the descriptors, never a directory where it could plant a
symlink or a FIFO for the judge to read back. Run as root, the worker also
gets a user id of its own (one per box, no name, owning nothing), so its
process count and its signals reach nothing else on the machine.

Where namespaces work (util-linux `unshare`; unprivileged user namespaces
when the judge is not root), the init in box_init.py runs as PID 1 of new PID,
mount and network (and user) namespaces, and before it starts the worker:

- makes every mount read-only, recursively (nothing outside can be written);
- hides the judge's whole checkout or installation, its problems and its data
  (`hiding_plan` below says what and in which order);
- mounts fresh, size-capped tmpfs on /tmp and /dev/shm, holding read-only
  copies of the worker and the solution and an empty working directory;
- starts the worker with no capabilities and no new privileges, reaps every
  process, reports the worker's own exit status on a private pipe, and exits
  when the worker does: the kernel then kills whatever the solution left in
  the namespace (daemons, forks holding the channel open).

The box dies with its judge, even one killed by SIGKILL: `unshare` runs
under a parent-death signal (docs/sandboxes.md). The init is not the worker on purpose: a PID 1 ignores the signals it sends
itself (SIGSTOP, a fault's SIGSEGV under some kernels) and cannot be told
apart from the namespace's end. What is in force is probed once, by running
the init in probe mode, and stated in every Isolation; nothing missing is
skipped silently.
"""

from __future__ import annotations

import functools
import importlib.metadata
import json
import os
import random
import resource
import selectors
import shutil
import signal
import stat
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from judge import scratch
from judge.errors import SandboxError
from judge.limits import Limits
from judge.sandbox.box_init import SANDBOX_FILES, SANDBOX_TMP, SANDBOX_WORK, apply_rlimits
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
INIT_SOURCE = Path(__file__).with_name("box_init.py")
JUDGE_PACKAGE = Path(__file__).resolve().parents[1]
CPU_BACKSTOP_S = 600  # per worker lifetime; per-call time is enforced by the client
# A root judge gives each box a user id of its own, from a range no real account uses.
RUN_UID_BASE, RUN_UID_SPAN = 1 << 30, 1 << 24
# How often a waiting judge checks that the worker itself is still there: a fork of it
# holding the channel open must not make a dead worker look like a slow one.
EXIT_POLL_S = 0.1
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
UNSHARE_FLAGS = ("--net", "--pid", "--fork", "--kill-child", "--mount", "--mount-proc")


# ---------------------------------------------------------------- what this machine allows


@dataclass(frozen=True)
class Confinement:
    """What the probe found: the unshare command that works, and which steps held."""

    unshare: tuple[str, ...] = ()
    read_only_root: bool = False
    reason: str = ""

    @property
    def namespaced(self) -> bool:
        return bool(self.unshare)


def _unshare_command() -> tuple[str, ...]:
    flags = UNSHARE_FLAGS if os.geteuid() == 0 else ("--user", "--map-root-user", *UNSHARE_FLAGS)
    return ("unshare", *flags)


def _init_command(init_script: Path, unshare: tuple[str, ...]) -> list[str]:
    """The init as a command line: our interpreter running box_init.py by path, under
    unshare, under a parent-death signal: if the judge dies, even by SIGKILL, unshare
    dies, and with it (--kill-child) the init and so the whole namespace.

    -S (no site-packages) saves tens of milliseconds per worker: the init needs only
    the standard library.
    """
    return ["setpriv", "--pdeathsig", "KILL", "--", *unshare, "--", sys.executable, "-I", "-S", str(init_script)]


def _config_line(config: dict) -> bytes:
    return (json.dumps(config) + "\n").encode()


@functools.lru_cache(maxsize=1)
def probe_confinement() -> Confinement:
    """Runs the init once in probe mode (hiding a scratch directory): what holds here."""
    if not shutil.which("unshare") or not shutil.which("setpriv"):
        return Confinement(reason="util-linux unshare/setpriv not found")
    with scratch.folder("probe") as folder:
        hidden = folder / "hidden"
        hidden.mkdir()
        shutil.copyfile(INIT_SOURCE, folder / "init.py")
        config = {"probe": True, "hide": [str(hidden)], "copy": {}, "tmp_bytes": 1 << 20, "shm_bytes": 1 << 20}
        try:
            result = subprocess.run(_init_command(folder / "init.py", _unshare_command()), input=_config_line(config), capture_output=True, timeout=20,
                                    check=False, env=CLEAN_ENV)
        except (OSError, subprocess.TimeoutExpired) as exc:
            return Confinement(reason=f"unshare failed: {exc}")
    return _read_probe(result)


def _read_probe(result: subprocess.CompletedProcess) -> Confinement:
    try:
        found = json.loads(result.stdout.decode().strip().splitlines()[-1])
    except (ValueError, IndexError):
        found = {}
    if result.returncode != 0 or "confined" not in found:
        said = (found.get("setup_error") or result.stderr.decode(errors="replace").strip()).splitlines()
        return Confinement(reason=f"namespaces unavailable ({said[-1] if said else f'exit {result.returncode}'})")
    return Confinement(_unshare_command(), bool(found["confined"].get("read_only_root")))


def _isolation() -> Isolation:
    found = probe_confinement()
    root = os.geteuid() == 0
    dropper = bool(shutil.which("setpriv"))
    ns = found.namespaced
    enforced = {
        "separate_session": True,
        "clean_environment": True,
        "empty_working_directory": True,
        "rlimits": True,
        "output_files_opened_by_judge": True,
        "user_namespace": ns and not root,
        "network_namespace": ns,
        "pid_namespace": ns,
        "mount_namespace": ns,
        "judge_files_hidden": ns,
        "private_tmp": ns,
        "read_only_root": found.read_only_root,
        "capabilities_dropped": dropper and (ns or root),
        "no_new_privileges": dropper,
        "non_root": not root or dropper,
        "own_user_id": root and dropper,
        "memory_is_address_space": True,
    }
    return Isolation("local", enforced, tuple(_notes(found, root, dropper)))


def _notes(found: Confinement, root: bool, dropper: bool) -> list[str]:
    notes = []
    if not found.namespaced:
        notes.append(
            f"No namespaces ({found.reason}): the solution can use the network, read what its user may "
            "read (the judge's files and hidden tests included), write where its user may write, see "
            "other processes, and a process that leaves its process group may outlive the run."
        )
    elif not found.read_only_root:
        notes.append("The root file system could not be made read-only (mount_setattr needs Linux 5.12+): "
                     "the solution can write where its user may write.")
    if root and dropper:
        notes.append("Running as root: the worker runs as a user id of its own (one per run), without capabilities.")
        closed = [folder for folder, _ in closed_ways_to_python()]
        if closed and not found.namespaced:
            notes.append(f"That user cannot enter {', '.join(closed)}, on the way to this Python: the worker "
                         "falls back to the system's Python, and third-party modules (numpy) may not import.")
    elif root:
        notes.append("Running as root without setpriv: the worker runs as root.")
    notes.append("The memory limit caps the worker's address space (RLIMIT_AS), not its resident memory.")
    return notes


# ---------------------------------------------------------------- backend and box


class LocalBackend(Backend):
    name = "local"

    def probe(self) -> Probe:
        return Probe(self.name, True, "always available", _isolation())

    def open(self, job: Job) -> Box:
        return LocalBox(job)


class LocalBox(Box):
    """A temporary directory: read-only copies of the worker and solution, and the output files."""

    def __init__(self, job: Job) -> None:
        self.job = job
        self.isolation = _isolation()
        self.confinement = probe_confinement()
        self.uid = _run_uid() if os.geteuid() == 0 and shutil.which("setpriv") else None
        self.root = scratch.make("box")
        self.spawned = 0
        self.current: LocalWorker | None = None
        self._prepare()

    def _prepare(self) -> None:
        (self.root / "solution").mkdir()
        shutil.copyfile(WORKER_SOURCE, self.root / "worker.py")
        shutil.copyfile(INIT_SOURCE, self.root / "init.py")
        shutil.copyfile(self.job.solution, self.solution_copy)
        for name in ("out", "work"):
            (self.root / name).mkdir()
        for path in (self.root / "worker.py", self.root / "init.py", self.solution_copy):
            os.chmod(path, 0o444)
        for path in (self.root, self.root / "solution", self.root / "out"):
            os.chmod(path, 0o755)
        if self.uid is not None and not self.confinement.namespaced:
            os.chown(self.root / "work", self.uid, self.uid)  # the worker's own working directory

    @property
    def solution_copy(self) -> Path:
        # The file keeps its own name, so tracebacks name the file the candidate wrote.
        return self.root / "solution" / self.job.solution.name

    def spawn(self) -> WorkerProcess:
        if self.current is not None:
            self.current.terminate()
        self.spawned += 1
        outputs = _open_outputs(self.root / "out", self.spawned, self.uid)
        if self.confinement.namespaced:
            status_r, status_w = os.pipe()
            command = _init_command(self.root / "init.py", self.confinement.unshare)
            first_line = _config_line(self._namespaced_config(outputs, status_w))
            keep, cwd = (*outputs, status_w), self.root
        else:
            status_r = status_w = None
            command, first_line = self._plain_command(outputs), b""
            keep, cwd = outputs, self.root / "work"
        # Without a PID namespace, a root judge still reaches every process of the box's own uid.
        sweep_uid = self.uid if not self.confinement.namespaced else None
        self.current = LocalWorker(command, self.job.limits, self.root / "out", keep, status_r, cwd,
                                   self._environment(), rlimits_here=not self.confinement.namespaced,
                                   sweep_uid=sweep_uid, first_line=first_line)
        return self.current

    def _worker_argv(self, worker: str, solution: str, outputs: tuple[int, int]) -> list[str]:
        return [
            sys.executable, "-I", worker,
            "--solution", solution,
            "--output-limit", str(self.job.limits.output_bytes),
            "--stdout-fd", str(outputs[0]), "--stderr-fd", str(outputs[1]),
            *[arg for module in self.job.allowed_modules for arg in ("--allow", module)],
        ]

    def _drop(self) -> list[str]:
        """setpriv arguments: no new privileges; where we hold capabilities (root, or root of a
        user namespace), none for the worker; and the box's own uid if we are root."""
        if not shutil.which("setpriv"):
            return []
        # The parent-death signal matters without namespaces, where the judge is the parent.
        drop = ["setpriv", "--no-new-privs", "--pdeathsig", "KILL"]
        if self.confinement.namespaced or os.geteuid() == 0:
            drop += ["--inh-caps=-all", "--bounding-set=-all"]
        if self.uid is not None:
            drop += [f"--reuid={self.uid}", f"--regid={self.uid}", "--clear-groups"]
        return [*drop, "--"]

    def _namespaced_config(self, outputs: tuple[int, int], status_fd: int) -> dict:
        solution = f"{SANDBOX_FILES}/solution/{self.job.solution.name}"
        hide, keep, hide_after = hiding_plan([*self.job.hidden_paths, *judge_installation()])
        return {
            "probe": False,
            "hide": hide,
            "keep": keep,
            "hide_after": hide_after,
            "copy": {f"{SANDBOX_FILES}/worker.py": str(self.root / "worker.py"), solution: str(self.solution_copy)},
            "tmp_bytes": 2 * self.job.limits.file_size_mb << 20,
            "shm_bytes": self.job.limits.file_size_mb << 20,
            "uid": self.uid,
            "reveal": closed_ways_to_python() if self.uid is not None else [],
            "status_fd": status_fd,
            "close_fds": list(outputs),
            "rlimits": _rlimits(self.job.limits),
            "worker": [*self._drop(), *self._worker_argv(f"{SANDBOX_FILES}/worker.py", solution, outputs)],
        }

    def _plain_command(self, outputs: tuple[int, int]) -> list[str]:
        return [*self._drop(), *self._worker_argv(str(self.root / "worker.py"), str(self.solution_copy), outputs)]

    def _environment(self) -> dict[str, str]:
        home = SANDBOX_WORK if self.confinement.namespaced else str(self.root / "work")
        return {**CLEAN_ENV, "HOME": home, "TMPDIR": home}

    def close(self) -> None:
        if self.current is not None:
            self.current.terminate()
        if self.uid is not None and not self.confinement.namespaced:
            kill_user_processes(self.uid)  # anything started after the last worker ended
        shutil.rmtree(self.root, ignore_errors=True)


def closed_ways_to_python() -> list[tuple[str, list[str]]]:
    """Folders on the way to our interpreter and its packages that a stranger may not enter
    (/root, for a pyenv Python), outermost first, each with the children on that way.

    The init opens exactly those children for the box's uid (and nothing else of those
    folders): otherwise the worker would start a Python that cannot find its own library.
    """
    targets = {Path(p).resolve() for p in (sys.prefix, sys.base_prefix)} | {Path(sys.executable).resolve().parent}
    ways: dict[Path, set[str]] = {}
    for target in targets:
        for folder in reversed(target.parents):  # from / down
            if not os.stat(folder).st_mode & stat.S_IXOTH:
                ways.setdefault(folder, set()).add(target.relative_to(folder).parts[0])
    return [(str(folder), sorted(children)) for folder, children in sorted(ways.items(), key=lambda w: len(w[0].parts))]


def interpreter_paths_under(folders: list[str]) -> list[str]:
    """Our interpreter's folders (a venv, its base Python) that lie under any of `folders`,
    outermost only: the sandbox covers those folders (the private /tmp, the judge's
    checkout), and the worker still needs a Python to start."""
    candidates = {Path(p).resolve() for p in (sys.prefix, sys.base_prefix)} | {Path(sys.executable).resolve().parent}
    inside = sorted(p for p in candidates if any(Path(folder) in p.parents for folder in folders))
    outermost = [p for p in inside if not any(other in p.parents for other in inside)]
    return [str(p) for p in outermost]


@functools.lru_cache(maxsize=1)
def judge_installation() -> tuple[Path, ...]:
    """Everything of the judge's own on this machine: its checkout (examples, benchmarks,
    templates, docs, tests and all) or its package folder, and every installed copy's
    files (metadata, entry points, the .pth hook of an editable install)."""
    root = JUDGE_PACKAGE.parent
    paths = {root if (root / "pyproject.toml").is_file() else JUDGE_PACKAGE}
    for dist in importlib.metadata.distributions():
        if (dist.metadata["Name"] or "").lower() != "judge":
            continue
        for file in dist.files or []:
            path = Path(dist.locate_file(file)).resolve()
            metadata = path.parent.name.endswith((".dist-info", ".egg-info"))
            paths.add(path.parent if metadata else path)
    return tuple(sorted(paths))


def hiding_plan(paths: list[Path]) -> tuple[list[str], list[str], list[str]]:
    """What the init hides, and in which order.

    Returns the folders to cover first (none inside another), the interpreter's
    folders those or the private /tmp cover that must be mounted back (a venv in
    the checkout), and what lies inside those to cover again afterwards (the
    judge's metadata in the venv's site-packages; files as well as folders).
    """
    existing = sorted({p.resolve() for p in paths if p.exists()})
    folders = [p for p in existing if p.is_dir()]
    keep = [Path(k) for k in interpreter_paths_under([*map(str, folders), SANDBOX_TMP])]
    inside_kept = [p for p in existing if any(k in p.parents for k in keep)]
    first = [p for p in folders if p not in inside_kept and not any(f in p.parents for f in folders)]
    after = [p for p in inside_kept if not any(a in p.parents for a in inside_kept)]
    return [str(p) for p in first], [str(k) for k in keep], [str(p) for p in after]


def _run_uid() -> int:
    return random.SystemRandom().randrange(RUN_UID_BASE, RUN_UID_BASE + RUN_UID_SPAN)


def _open_outputs(out_dir: Path, number: int, uid: int | None) -> tuple[int, int]:
    """The worker's stdout and stderr files, opened here; the worker only ever gets the descriptors."""
    fds = []
    for name in ("stdout", "stderr"):
        path = out_dir / f"{name}.{number:04d}"  # zero-padded: a sorted listing is spawn order
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_APPEND | os.O_NOFOLLOW | os.O_CLOEXEC, 0o600)
        if uid is not None:
            os.fchown(fd, uid, uid)
        fds.append(fd)
    return fds[0], fds[1]


def _rlimits(limits: Limits) -> list[tuple[int, int]]:
    return [
        (resource.RLIMIT_AS, limits.memory_bytes),
        (resource.RLIMIT_CPU, CPU_BACKSTOP_S),
        (resource.RLIMIT_NPROC, limits.processes),
        (resource.RLIMIT_FSIZE, limits.file_size_mb * 1024 * 1024),
        (resource.RLIMIT_NOFILE, limits.open_files),
        (resource.RLIMIT_CORE, 0),
    ]


# ---------------------------------------------------------------- one worker


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
            self._write_first_line(first_line)
        except OSError as exc:
            raise SandboxError(f"could not start the local worker: {exc}") from exc
        finally:
            for fd in keep_fds:  # the child has its copies; ours would keep the status pipe open
                os.close(fd)
        self.selector = selectors.DefaultSelector()
        self.selector.register(self.process.stdout, selectors.EVENT_READ)
        self.buffer = b""
        self.channel_closed = False
        self.termination: Termination | None = None
        self.termination_report: dict | None = None

    def _write_first_line(self, line: bytes) -> None:
        """The init's configuration, ahead of the protocol on the same pipe."""
        try:
            self.process.stdin.write(line)
            self.process.stdin.flush()
        except OSError:
            pass  # the init is gone already: the first receive says how

    def send(self, line: bytes) -> None:
        try:
            self.process.stdin.write(line + b"\n")
            self.process.stdin.flush()
        except (BrokenPipeError, OSError, ValueError) as exc:
            raise WorkerGone("the worker closed its channel") from exc

    def receive(self, timeout_s: float) -> bytes | None:
        deadline = time.monotonic() + timeout_s
        while b"\n" not in self.buffer:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return None
            if not self.selector.select(min(remaining, EXIT_POLL_S)):
                # Gone, though a fork of it may hold the channel open (a last look first:
                # it may have answered just before it went).
                if self._exited() and not self.selector.select(0):
                    self._channel_gone()
                continue
            chunk = os.read(self.process.stdout.fileno(), 1 << 20)
            if not chunk:
                self._channel_gone()
            self.buffer += chunk
        line, _, self.buffer = self.buffer.partition(b"\n")
        return line

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
        for stream in (self.process.stdin, self.process.stdout):
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
    return Termination(
        exit_code=code,
        signal=sig,
        output_exceeded=sig == signal.SIGXFSZ,
        cpu_exceeded=sig == signal.SIGXCPU,
        peak_memory_kb=peak,
    )


def kill_user_processes(uid: int) -> None:
    """SIGKILLs every process whose real uid is `uid` (a box's own uid: nothing else has it)."""
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and _real_uid(entry) == uid:
            try:
                os.kill(int(entry.name), signal.SIGKILL)
            except OSError:
                pass


def _real_uid(proc_entry: Path) -> int | None:
    # The status file, not the directory's owner: a non-dumpable process's directory is root's.
    try:
        for line in (proc_entry / "status").read_text().splitlines():
            if line.startswith("Uid:"):
                return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    return None


def tree_cpu_seconds(root_pid: int) -> float | None:
    """utime+stime of every live process under root_pid, plus what each one's reaped children used."""
    ticks, pending, first = 0, [root_pid], True
    while pending:
        pid = pending.pop()
        fields = _stat_fields(pid)
        if fields is None:
            if first:
                return None
            continue  # it ended meanwhile: its parent's cutime has it, or soon will
        first = False
        # utime, stime, cutime, cstime: fields 14-17 of proc(5), counted after the ")".
        ticks += sum(int(v) for v in fields[11:15])
        pending += _children(pid)
    return ticks / os.sysconf("SC_CLK_TCK")


def _stat_fields(pid: int) -> list[str] | None:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None


def _children(pid: int) -> list[int]:
    found = []
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return found
    for task in tasks:  # each thread has its own children
        try:
            found += [int(c) for c in Path(f"/proc/{pid}/task/{task}/children").read_text().split()]
        except (OSError, ValueError):
            pass
    return found


def read_output(out_dir: Path, cap: int) -> CapturedOutput:
    """The solution's stdout and stderr over all workers of the run, each capped.

    Only regular files are read, never through a symlink and never blocking on
    a FIFO, whatever ended up in the directory.
    """
    captured = CapturedOutput()
    for name in ("stdout", "stderr"):
        data = b"".join(_read_capped(p, cap + 1) for p in sorted(out_dir.glob(f"{name}.*")))
        if len(data) > cap:
            captured.truncated = True
            data = data[:cap]
        setattr(captured, name, data.decode("utf-8", errors="replace"))
    return captured


def _read_capped(path: Path, limit: int) -> bytes:
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError:
        return b""
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return b""
        return os.read(fd, limit)
    finally:
        os.close(fd)
