"""The docker backend: one locked-down container per judging run.

The container (the Box) is started once per run with no network, a read-only
root, a small tmpfs /tmp, memory with swap equal to it, a pids limit, one CPU,
no capabilities, no-new-privileges, and two unprivileged users: a "keeper"
(uid 10002) that only holds the container open, and the sandbox user (uid
10001) that every worker runs as. The only files of ours inside are the worker
and the solution, both bind-mounted read-only.

The keeper is `cat` under the engine's init, reading the container's stdin,
which only the judge feeds: through a socket attached before the start and
held, silent, for the Box's life. When the judge dies, even by SIGKILL, the
kernel closes that socket, the engine closes the keeper's stdin (StdinOnce),
the keeper and the init exit, and the engine removes the stopped container
(auto_remove). Opening a Box also sweeps the containers of judges that are
gone, as a backstop.

Each spawn() starts a fresh worker with `docker exec`, talking to it over two
named pipes when the engine shares our kernel, else over the exec's attached
stdin/stdout (docs/sandboxes.md). terminate() kills every process of the sandbox
user (`kill -9 -1` run as that user reaches all of them and nothing of the
keeper's), so nothing of a previous worker survives into the next one.

Trusted accounting comes from the container's cgroup: read straight from the
host's cgroup files when the engine runs on this machine (cheap enough to poll
every 100 ms), otherwise from the engine's stats stream (a sample a second,
followed by a thread of the Box) and its events.

Out of memory: the container's `OOMKilled` flag only covers its PID 1 (the
init), never an exec'd worker, so we compare the kernel's `oom_kill` counter
of the container's memory cgroup (v1 memory.oom_control, v2 memory.events)
before and after the worker's life. It is exact and synchronous: the kernel
bumps it before the victim dies. With no host access to the cgroup, the
engine's `oom` events for the container since the spawn say the same.

The docker SDK is imported lazily: `judge --help` and the local backend work
without it.
"""

from __future__ import annotations

import os
import secrets
import select
import shutil
import signal
import socket
import struct
import subprocess
import tempfile
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar, Protocol

from judge import __version__, scratch
from judge.errors import SandboxError
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

# Tagged with the judge's version: an upgraded judge never runs a stale worker image.
IMAGE = f"judge-sandbox:{__version__}"
ROOTFS_IMAGE = "judge-sandbox-rootfs:latest"
DEFAULT_BASE = "python:3.11-slim"
WORKER_SOURCE = Path(__file__).with_name("worker.py")

SANDBOX_USER = "10001:10001"
KEEPER_USER = "10002:10002"
WORKER_PATH = "/opt/judge/worker.py"
SOLUTION_DIR = "/solution"
OUT_DIR = "/tmp/out"
WORK_DIR = "/tmp/work"
LABEL = "judge.run"
# The keeper (init + cat), a launcher shell and our own kill/read execs.
PIDS_OVERHEAD = 6
# The keeper reads stdin until end of file, which comes when the judge's attached
# socket closes (module docstring); nothing is ever written to it.
KEEPER_COMMAND = ["/bin/sh", "-c", "exec cat >/dev/null"]
ENGINE_TIMEOUT_S = 30
# Every engine call of a judging run: a stalled engine fails the run, never hangs it.
RUN_ENGINE_TIMEOUT_S = 10
# How long a worker that closed its channel gets to exit by itself, so that its
# own exit status (a signal, an exit code) is what we report.
EXIT_GRACE_S = 1.0
# An idle worker ends on end-of-input in milliseconds; one still busy after this
# long is killed. Ending it this way saves an exec (~70 ms) on every normal run.
IDLE_EXIT_S = 0.25
# What runs in a container with no worker: the engine's init and the keeper's `cat`.
KEEPER_PROCESSES = 2
# Reading the captured output must never hang the judge (a FIFO planted by the
# solution, say): the reader is killed after this long.
READ_TIMEOUT_S = 5
CLEAN_ENV = {
    "PATH": "/usr/local/bin:/usr/bin:/bin",
    "LANG": "C.UTF-8",
    "PYTHONHASHSEED": "0",
    "PYTHONDONTWRITEBYTECODE": "1",
    "HOME": WORK_DIR,
    # One BLAS thread: threads blur the CPU accounting and count against pids.
    "OPENBLAS_NUM_THREADS": "1",
    "OMP_NUM_THREADS": "1",
    "MKL_NUM_THREADS": "1",
}
CHANNEL_DIR = "/judge-channel"
# While a worker is silent, how often the engine is asked whether it exited: it
# can die without its channel closing (a forked child still holds the pipe) or
# before it ever spoke.
EXIT_POLL_S = 0.25
# An idle worker drains a request at memory speed; a pipe that stays full this
# long has no live reader (a forked leftover holding it, say): the worker is gone.
SEND_TIMEOUT_S = 30.0
# The worker's exec runs a launcher first: fresh directories, then the worker in
# its place (attached: on the exec's stdin/stdout; FIFO: on the two named pipes,
# with anything it says before taking over fd 2 kept as the run's stderr).
ATTACH_LAUNCH = f'mkdir -p {OUT_DIR} {WORK_DIR} && cd {WORK_DIR} && exec "$@"'
FIFO_LAUNCH = (
    f'req="{CHANNEL_DIR}/$1" rep="{CHANNEL_DIR}/$2" err="{OUT_DIR}/stderr.$3"; shift 3; '
    f'mkdir -p {OUT_DIR} {WORK_DIR} && cd {WORK_DIR} && exec "$@" <"$req" >"$rep" 2>>"$err"'
)
KILL_ALL = "kill -9 -1 2>/dev/null; exit 0"


# ---------------------------------------------------------------- engine


def image_recipe() -> Path:
    """The Dockerfile and the root-file-system script, shipped inside the judge package."""
    from judge.problems import shipped

    return shipped("judge.image_recipe")


def _docker_sdk() -> Any:
    """The docker SDK, imported only when the docker backend is used."""
    try:
        import docker  # optional: imported only when this backend is used
    except ImportError as exc:
        raise SandboxError("the docker SDK is not installed: pip install 'judge[docker]'") from exc
    return docker


def engine_errors() -> tuple[type[BaseException], ...]:
    """Exceptions that mean "the engine refused or did not answer"."""
    docker = _docker_sdk()
    import requests  # installed with the docker SDK

    return (docker.errors.DockerException, requests.RequestException, OSError)


def connect(timeout_s: float = ENGINE_TIMEOUT_S) -> Any:
    """A client of the engine named by DOCKER_HOST (or the default socket) that answers.

    `timeout_s` bounds every call the client makes (each read, for a stream).
    """
    docker = _docker_sdk()
    try:
        client = docker.from_env(timeout=timeout_s)
        client.ping()
    except engine_errors() as exc:
        raise SandboxError(f"the Docker engine does not answer: {exc}") from exc
    return client


def docker_status(image: str = IMAGE) -> tuple[bool, bool, str]:
    """(engine answers, image present, one line of detail), for `judge doctor`."""
    try:
        client = connect()
    except SandboxError as exc:
        return False, False, str(exc)
    docker = _docker_sdk()
    try:
        version = client.version().get("Version", "?")
        found = client.images.get(image)
    except docker.errors.ImageNotFound:
        return True, False, f"image {image} not found: run `judge image build --offline`"
    except engine_errors() as exc:
        return True, False, f"the Docker engine failed to answer about {image}: {exc}"
    base = (found.labels or {}).get("judge.base", "unknown base")
    return True, True, f"Docker engine {version}; image {image} ({found.short_id}, from {base})"


# ---------------------------------------------------------------- backend


CHANNELS = ("auto", "fifo", "attach")
ACCOUNTINGS = ("auto", "api")


class DockerBackend(Backend):
    """Containers from `image`; `channel` picks how the judge talks to workers.

    channel auto: named pipes when the engine runs on this kernel (its cgroup
    files are ours to read), else the exec's attached stream; fifo / attach
    force one. accounting auto: the host's cgroup files when readable, else the
    engine's stats stream; api forces the stream, as with a remote engine.
    """

    name = "docker"

    def __init__(self, image: str = IMAGE, channel: str = "auto", accounting: str = "auto") -> None:
        if channel not in CHANNELS:
            raise ValueError(f"channel must be one of {CHANNELS}, not {channel!r}")
        if accounting not in ACCOUNTINGS:
            raise ValueError(f"accounting must be one of {ACCOUNTINGS}, not {accounting!r}")
        self.image = image
        self.channel = channel
        self.accounting = accounting

    def probe(self) -> Probe:
        engine, present, detail = docker_status(self.image)
        options = _security_options(connect()) if engine else None
        return Probe(self.name, engine and present, detail, _isolation(options))

    def open(self, job: Job) -> Box:
        return DockerBox(connect(RUN_ENGINE_TIMEOUT_S), self.image, job, self.channel, self.accounting)


def _isolation(security_options: list[str] | None, accounting_notes: tuple[str, ...] = ()) -> Isolation:
    """What every container of ours enforces; seccomp and user namespaces are the engine's choice."""
    options = " ".join(security_options or [])
    enforced = {
        "network_namespace": True,
        "pid_namespace": True,
        "mount_namespace": True,
        "user_namespace": "userns" in options,
        "read_only_root": True,
        "judge_files_hidden": True,
        "capabilities_dropped": True,
        "no_new_privileges": True,
        "non_root": True,
        "seccomp": "seccomp" in options,  # as the engine reports it; unknown counts as not
        "memory_cgroup": True,
        "pids_limit": True,
        "cpu_quota": True,
        "clean_environment": True,
        "empty_working_directory": True,
    }
    notes = (
        "One container per run: no network, read-only root, tmpfs /tmp, swap equal to the memory limit, one CPU.",
        "The memory limit is the container's resident memory (tmpfs files included), not an address-space cap.",
        f"Workers run as uid {SANDBOX_USER.split(':')[0]}; only the worker and the solution are mounted, read-only.",
    )
    return Isolation("docker", enforced, notes + accounting_notes)


# ---------------------------------------------------------------- box


class DockerBox(Box):
    """The container of one judging run; removed by close() on every path."""

    def __init__(
        self, client: Any, image: str, job: Job, channel: str = "auto", accounting: str = "auto"
    ) -> None:
        self.client = client
        self.image = image
        self.job = job
        self.run_id = uuid.uuid4().hex[:16]
        self.spawned = 0
        self.current: DockerWorker | None = None
        self.container: Any = None
        self.keeper: Any = None  # the attached stdin socket that keeps the container alive
        self.host_cgroups = accounting == "auto"
        self.closed = False
        self.tainted = False
        sweep_stale(client)
        self.security_options = _security_options(client)
        # Holds the named pipes of the FIFO channel; not listable by others.
        # Named for this judge: the next box removes the folders of judges that are gone.
        self.host_dir = scratch.make("docker")
        self.host_dir.chmod(0o711)
        try:
            self._start_container()
        except BaseException:
            shutil.rmtree(self.host_dir, ignore_errors=True)
            raise
        same_kernel = isinstance(self.accounting, CgroupAccounting)
        use_fifo = channel == "fifo" or (channel == "auto" and same_kernel)
        self.channel_dir = self.host_dir if use_fifo else None

    @property
    def isolation(self) -> Isolation:
        # A property: whether the stats stream delivers is known only once it runs.
        return _isolation(self.security_options, self.accounting.notes())

    def _start_container(self) -> None:
        docker = _docker_sdk()
        config = container_config(self.image, self.job, self.run_id, self.host_dir)
        try:
            self.container = self.client.containers.create(**config)
            # Attached before the start: the keeper never runs without its lifeline.
            self.keeper = self.container.attach_socket(params={"stdin": 1, "stream": 1})
            self.container.start()
            self.container.reload()
            self.accounting = locate_accounting(self.client, self.container, self.host_cgroups)
        except docker.errors.ImageNotFound as exc:
            self._remove_ours()
            raise SandboxError(f"image {self.image} not found: run `judge image build --offline`") from exc
        except engine_errors() as exc:
            self._remove_ours()
            raise SandboxError(f"the sandbox container could not start: {exc}") from exc
        except BaseException:  # Ctrl-C halfway: the container may exist without our handle
            self._remove_ours()
            raise

    def spawn(self) -> WorkerProcess:
        if self.current is not None:
            self.current.terminate()  # the client always does; a leftover would steal CPU
        if self.closed:
            raise SandboxError("the sandbox was closed")
        if self.tainted:
            self._discard_container()
            self._start_container()
            self.tainted = False
        self.spawned += 1
        self.current = DockerWorker(self, self.spawned)
        return self.current

    def read_output(self) -> CapturedOutput:
        """Everything the run's workers printed, each stream capped at the output limit."""
        cap = self.job.limits.output_bytes
        # Regular files only (the solution could plant a FIFO or a link), all the
        # run's workers in spawn order, and never more than cap + 1 bytes a stream.
        each = 'for f in "$@"; do [ -f "$f" ] && [ ! -L "$f" ] && cat "$f"; done'
        script = (
            f"exec 3>&2 2>/dev/null; "
            f"sh -c '{each}' - {OUT_DIR}/stdout.* | head -c {cap + 1}; "
            f"sh -c '{each}' - {OUT_DIR}/stderr.* | head -c {cap + 1} >&3; "
            "exit 0"
        )
        try:
            result = self.container.exec_run(
                ["timeout", "-s", "KILL", str(READ_TIMEOUT_S), "/bin/sh", "-c", script],
                user=SANDBOX_USER, demux=True,
            )
        except engine_errors():
            return CapturedOutput(stderr="[the judge could not read the solution's output]", truncated=True)
        stdout, stderr = result.output if isinstance(result.output, tuple) else (result.output, None)
        return _capped(stdout or b"", stderr or b"", cap)

    def exec_quietly(self, command: str) -> bool:
        """Runs a shell command as the sandbox user; False when the engine could not."""
        try:
            return self.container.exec_run(["/bin/sh", "-c", command], user=SANDBOX_USER).exit_code == 0
        except engine_errors():
            return False

    def close(self) -> None:
        if self.closed:
            return
        self.closed = True
        if self.current is not None:
            self.current.close_channel()
        self._discard_container()
        shutil.rmtree(self.host_dir, ignore_errors=True)

    def _discard_container(self) -> None:
        self._remove_ours()
        self.accounting.stop()  # after the removal, which ends the stats stream at once

    def _remove_ours(self) -> None:
        """Removes the container (the engine may have done it already: auto_remove) and its lifeline."""
        remove_containers(self.client, {"label": f"{LABEL}={self.run_id}"})
        if self.keeper is not None:
            close_socket(self.keeper)
            self.keeper = None


_SECURITY_OPTIONS: dict[str, list[str]] = {}


def _security_options(client: Any) -> list[str] | None:
    """The engine's security options (seccomp, userns...), asked once per engine and process."""
    key = str(client.api.base_url)
    if key not in _SECURITY_OPTIONS:
        try:
            _SECURITY_OPTIONS[key] = list(client.info().get("SecurityOptions") or [])
        except engine_errors():
            return None
    return _SECURITY_OPTIONS[key]


def _capped(stdout: bytes, stderr: bytes, cap: int) -> CapturedOutput:
    captured = CapturedOutput()
    for name, data in (("stdout", stdout), ("stderr", stderr)):
        if len(data) > cap:
            captured.truncated = True
            data = data[:cap]
        setattr(captured, name, data.decode("utf-8", errors="replace"))
    return captured


def container_config(image: str, job: Job, run_id: str, channel_dir: Path) -> dict[str, Any]:
    """The keyword arguments of `containers.create` for one run: every limit in one place."""
    docker = _docker_sdk()
    limits = job.limits
    mounts = [
        docker.types.Mount(WORKER_PATH, str(WORKER_SOURCE), type="bind", read_only=True),
        docker.types.Mount(solution_path(job), str(job.solution), type="bind", read_only=True),
        # Read-only still lets the worker open the pipes: no file there can be made or replaced.
        docker.types.Mount(CHANNEL_DIR, str(channel_dir), type="bind", read_only=True),
    ]
    ulimits = [
        docker.types.Ulimit(name="nofile", soft=limits.open_files, hard=limits.open_files),
        docker.types.Ulimit(name="fsize", soft=limits.file_size_mb << 20, hard=limits.file_size_mb << 20),
        docker.types.Ulimit(name="core", soft=0, hard=0),
    ]
    return {
        "image": image,
        "command": KEEPER_COMMAND,
        # stdin open, and closed by the engine when the judge's attached socket closes.
        "stdin_open": True,
        "init": True,
        "auto_remove": True,
        "user": KEEPER_USER,
        "working_dir": "/tmp",
        "environment": CLEAN_ENV,
        "labels": run_labels(run_id),
        "network_mode": "none",
        "read_only": True,
        # tmpfs pages are charged to the memory cgroup: they count against the limit.
        "tmpfs": {"/tmp": f"rw,nosuid,nodev,size={2 * limits.file_size_mb}m,mode=1777"},
        "shm_size": f"{limits.file_size_mb}m",
        "mem_limit": limits.memory_bytes,
        "memswap_limit": limits.memory_bytes,
        "pids_limit": limits.processes + PIDS_OVERHEAD,
        "nano_cpus": 1_000_000_000,
        "cap_drop": ["ALL"],
        "security_opt": ["no-new-privileges"],
        "ulimits": ulimits,
        "mounts": mounts,
    }


def output_tag(number: int) -> str:
    return f"{number:04d}"  # zero-padded so the shell's glob reads them in spawn order


def attach_launch() -> list[str]:
    return ["/bin/sh", "-c", ATTACH_LAUNCH, "judge-launch"]


def fifo_launch(names: tuple[str, str], number: int) -> list[str]:
    return ["/bin/sh", "-c", FIFO_LAUNCH, "judge-launch", *names, output_tag(number)]


def solution_path(job: Job) -> str:
    # The file keeps its own name, so tracebacks name the file the candidate wrote.
    return f"{SOLUTION_DIR}/{job.solution.name}"


def worker_argv(job: Job, number: int) -> list[str]:
    """The worker's own command line (it follows a launcher, below)."""
    tag = output_tag(number)
    return [
        "python3", "-I", WORKER_PATH,
        "--solution", solution_path(job),
        "--output-limit", str(job.limits.output_bytes),
        "--stdout", f"{OUT_DIR}/stdout.{tag}",
        "--stderr", f"{OUT_DIR}/stderr.{tag}",
        *[arg for module in job.allowed_modules for arg in ("--allow", module)],
    ]


# ---------------------------------------------------------------- stale containers


def _process_start(pid: int) -> str:
    """The kernel's start time of a process ('' where /proc is absent): tells pid reuse apart."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[19]
    except (OSError, IndexError):
        return ""


def _alive(pid: int, start: str) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass  # exists, owned by someone else
    return not start or _process_start(pid) in ("", start)


def run_labels(run_id: str) -> dict[str, str]:
    pid = os.getpid()
    return {
        LABEL: run_id,
        "judge.host": socket.gethostname(),
        "judge.pid": str(pid),
        "judge.pid_start": _process_start(pid),
    }


def sweep_stale(client: Any) -> int:
    """Removes the containers of judges on this host that are gone; returns how many."""
    stale = [
        found["Id"] for found in _list_containers(client, {"label": [LABEL, f"judge.host={socket.gethostname()}"]})
        if not _owner_alive(found.get("Labels") or {})
    ]
    for container_id in stale:
        _remove_container(client, container_id)
    return len(stale)


def _owner_alive(labels: dict[str, str]) -> bool:
    try:
        pid = int(labels.get("judge.pid", ""))
    except ValueError:
        return False
    return _alive(pid, labels.get("judge.pid_start", ""))


def remove_containers(client: Any, filters: dict[str, Any]) -> None:
    """Force-removes (kills, then deletes) every container matching `filters`."""
    for found in _list_containers(client, filters):
        _remove_container(client, found["Id"])


def _list_containers(client: Any, filters: dict[str, Any]) -> list[dict]:
    """The engine's own listing: `containers.list` inspects each one, and fails on one that
    auto_remove deletes meanwhile."""
    try:
        return client.api.containers(all=True, filters=filters)
    except engine_errors():
        return []


def _remove_container(client: Any, container_id: str) -> None:
    try:
        client.api.remove_container(container_id, force=True)
    except engine_errors():
        pass  # already gone (auto_remove), being removed, or the engine failed: the next sweep retries


# ---------------------------------------------------------------- accounting


class Accounting(Protocol):
    """The container's trusted figures for its current worker, whatever they are read through."""

    resolution_s: float  # how stale cpu_seconds() may be (WorkerProcess.cpu_resolution_s)

    def start_worker(self) -> None:
        """A new worker starts (the previous one is dead): CPU time and OOM kills count from here."""

    def start_call(self) -> None:
        """The worker is sent a call: what the container did before is not the call's."""

    def cpu_seconds(self) -> float | None:
        """CPU time of the container since start_worker(); None when it cannot be known."""

    def oom_kills(self) -> int | None:
        """OOM kills in the container since start_worker()."""

    def peak_bytes(self) -> int | None: ...

    def process_count(self) -> int | None:
        """Processes in the container now; None when that cannot be known for sure."""

    def notes(self) -> tuple[str, ...]:
        """What the report must say about these figures."""

    def stop(self) -> None: ...


def _read_key(path: Path, key: str) -> int | None:
    """The value of a `key value` line of a cgroup file."""
    try:
        for line in path.read_text().splitlines():
            name, _, value = line.partition(" ")
            if name == key:
                return int(value)
    except (OSError, ValueError):
        return None
    return None


def _read_int(path: Path | None) -> int | None:
    try:
        return int(path.read_text().split()[0]) if path else None
    except (OSError, ValueError, IndexError):
        return None


@dataclass
class CgroupAccounting:
    """The container's cgroup files on this host (v1 or v2): exact, and read in microseconds."""

    cpu_file: Path
    cpu_key: str | None  # None: the whole file is the figure (v1 cpuacct.usage)
    cpu_unit_s: float
    oom_file: Path
    peak_file: Path | None
    pids_file: Path | None = None
    # The counters run over the container's life; the worker's figures are differences.
    cpu_base: float | None = field(default=0.0, init=False)
    oom_base: int | None = field(default=0, init=False)
    resolution_s: ClassVar[float] = WorkerProcess.cpu_resolution_s

    def readable(self) -> bool:
        return self._cpu_total() is not None and self._oom_total() is not None

    def start_worker(self) -> None:
        self._reset_peak()
        self.cpu_base, self.oom_base = self._cpu_total(), self._oom_total()

    def start_call(self) -> None:
        pass  # exact at every reading: nothing to mark

    def cpu_seconds(self) -> float | None:
        now = self._cpu_total()
        return None if now is None or self.cpu_base is None else max(0.0, now - self.cpu_base)

    def oom_kills(self) -> int | None:
        now = self._oom_total()
        return None if now is None or self.oom_base is None else now - self.oom_base

    def peak_bytes(self) -> int | None:
        return _read_int(self.peak_file)

    def process_count(self) -> int | None:
        return _read_int(self.pids_file)

    def notes(self) -> tuple[str, ...]:
        return ()

    def stop(self) -> None:
        pass  # nothing runs on our side

    def _cpu_total(self) -> float | None:
        raw = _read_key(self.cpu_file, self.cpu_key) if self.cpu_key else _read_int(self.cpu_file)
        return None if raw is None else raw * self.cpu_unit_s

    def _oom_total(self) -> int | None:
        return _read_key(self.oom_file, "oom_kill")

    def _reset_peak(self) -> None:
        """Starts the v1 high-water mark afresh for a new worker (root only; best effort)."""
        if self.peak_file is not None and self.peak_file.name == "memory.max_usage_in_bytes":
            try:
                self.peak_file.write_text("0")
            except OSError:
                pass


def cgroup_mounts(mountinfo: str) -> dict[str, tuple[str, str]]:
    """Controller ('' for cgroup2) -> (mount point, hierarchy root), from /proc/self/mountinfo."""
    mounts: dict[str, tuple[str, str]] = {}
    for line in mountinfo.splitlines():
        left, sep, right = line.partition(" - ")
        fields, tail = left.split(), right.split()
        if not sep or len(fields) < 5 or len(tail) < 3:
            continue
        if tail[0] == "cgroup2":
            mounts.setdefault("", (fields[4], fields[3]))
        elif tail[0] == "cgroup":
            for option in tail[2].split(","):
                mounts.setdefault(option, (fields[4], fields[3]))
    return mounts


def cgroup_paths(proc_cgroup: str) -> dict[str, str]:
    """Controller ('' for cgroup2) -> cgroup path, from /proc/<pid>/cgroup."""
    paths: dict[str, str] = {}
    for line in proc_cgroup.splitlines():
        parts = line.split(":", 2)
        if len(parts) == 3:
            for controller in parts[1].split(",") if parts[1] else [""]:
                paths[controller] = parts[2]
    return paths


def cgroup_dir(controller: str, mounts: dict[str, tuple[str, str]], paths: dict[str, str]) -> Path | None:
    if controller not in mounts or controller not in paths:
        return None
    mount_point, root = mounts[controller]
    path = paths[controller]
    if root != "/" and path.startswith(root):
        path = path[len(root):]
    return Path(mount_point + path)


def cgroup_accounting(mountinfo: str, proc_cgroup: str) -> CgroupAccounting | None:
    """Where the container's figures live: v1 controllers where mounted, else the v2 unified tree."""
    mounts, paths = cgroup_mounts(mountinfo), cgroup_paths(proc_cgroup)
    memory, cpuacct = cgroup_dir("memory", mounts, paths), cgroup_dir("cpuacct", mounts, paths)
    if memory is not None and cpuacct is not None:
        pids = cgroup_dir("pids", mounts, paths)
        return CgroupAccounting(
            cpuacct / "cpuacct.usage", None, 1e-9,
            memory / "memory.oom_control", memory / "memory.max_usage_in_bytes",
            pids / "pids.current" if pids else None,
        )
    unified = cgroup_dir("", mounts, paths)
    if unified is None:
        return None
    return CgroupAccounting(
        unified / "cpu.stat", "usage_usec", 1e-6, unified / "memory.events", unified / "memory.peak",
        unified / "pids.current",
    )


def locate_accounting(client: Any, container: Any, host_cgroups: bool = True) -> Accounting:
    """The host's cgroup files when allowed, the engine is local and they are readable; else the API."""
    found = _host_cgroup(container) if host_cgroups else None
    return ApiAccounting(client, container) if found is None else found


def _host_cgroup(container: Any) -> CgroupAccounting | None:
    pid = (container.attrs.get("State") or {}).get("Pid") or 0
    try:
        proc_cgroup = Path(f"/proc/{pid}/cgroup").read_text()
        mountinfo = Path("/proc/self/mountinfo").read_text()
    except OSError:
        return None
    # Pid numbers of a remote engine mean nothing here: the path must name our container.
    if not pid or container.id not in proc_cgroup:
        return None
    found = cgroup_accounting(mountinfo, proc_cgroup)
    return found if found is not None and found.readable() else None


# The engine's stats stream sends a sample about once a second.
STATS_PERIOD_S = 1.0
# A working engine sends the first sample at once; a Box waits this long for it
# at most, so that its report can say whether figures come at all.
FIRST_SAMPLE_WAIT_S = 2.0
# A figure older than this is no figure: the stream stalled.
STALE_SAMPLE_S = 3 * STATS_PERIOD_S
# stop() waits this long for the stream's thread: the container's removal ends
# the stream at once, and the thread also looks for stop() at every sample.
STATS_JOIN_S = 2 * STATS_PERIOD_S
STREAM_NOTE = (
    "CPU and memory figures come from the engine's stats API about once a second: a call is charged "
    "only the CPU time seen between two samples taken while it ran, so CPU limits are checked to "
    "within about 2 s (the wall-clock limit still holds); out-of-memory kills come from the "
    "engine's events."
)
NO_FIGURES_NOTE = (
    "The engine's stats API gave no CPU or memory figures: CPU limits were enforced through the "
    "wall-clock limit only, and out-of-memory kills come from the engine's events."
)


class ApiAccounting:
    """The figures from the engine's stats stream and events (a remote engine, or no host cgroups).

    A daemon thread follows the stream and keeps the latest sample, so reading a
    figure never waits on the engine; the engine ends the stream when the
    container goes, and stop() joins the thread.

    CPU time is charged per interval between two samples, and only for an
    interval that began after the current call (or worker) started: a sample is
    up to a second old, and a plain difference of two would charge a call with
    the previous call's last second, failing correct solutions. So a call's CPU
    time is under-counted by up to one interval at each end, never over-counted.
    """

    # Up to one interval missed at each end of a call.
    resolution_s = 2 * STATS_PERIOD_S
    # The engine learns of an OOM kill asynchronously: wait this long for its event.
    OOM_EVENT_WAIT_S = 0.3

    def __init__(self, client: Any, container: Any) -> None:
        self.client = client
        self.container = container
        self.lock = threading.Lock()  # the stream's thread and the judge both move the figures
        self.latest: dict = {}
        self.latest_at = float("-inf")
        self.charged = 0.0  # CPU seconds of the current worker, in whole intervals
        self.reference: float | None = None  # the last sample's CPU, once one came since the mark
        self.worker_start_ns = time.time_ns()
        self.settled = threading.Event()  # the first sample came, or the stream ended without one
        self.stopping = threading.Event()
        self.thread = threading.Thread(target=self._follow, name="judge-docker-stats", daemon=True)
        self.thread.start()
        self.settled.wait(FIRST_SAMPLE_WAIT_S)

    def _follow(self) -> None:
        try:
            for sample in self.container.stats(stream=True, decode=True):
                if self.stopping.is_set():
                    return
                self._take(sample)
        except (*engine_errors(), ValueError):
            pass  # the stream broke, or stalled past the client's timeout: the figures go stale
        finally:
            self.settled.set()

    def _take(self, sample: dict) -> None:
        usage = _cpu_usage(sample)
        if usage is None:
            return  # what the engine sends for a stopped container
        with self.lock:
            if self.reference is not None:
                self.charged += max(0.0, usage - self.reference)
            self.reference = usage
            self.latest, self.latest_at = sample, time.monotonic()
        self.settled.set()

    def start_worker(self) -> None:
        with self.lock:
            self.charged, self.reference = 0.0, None
            self.worker_start_ns = time.time_ns()

    def start_call(self) -> None:
        with self.lock:
            self.reference = None  # the next sample starts the call's first interval

    def cpu_seconds(self) -> float | None:
        if time.monotonic() - self.latest_at > STALE_SAMPLE_S:
            return None  # no sample yet, or the stream stalled
        return self.charged

    def oom_kills(self) -> int | None:
        since_ns = self.worker_start_ns
        filters = {"container": self.container.id, "event": "oom"}
        until = time.time() + self.OOM_EVENT_WAIT_S
        try:
            events = self.client.events(since=since_ns // 1_000_000_000, until=until, filters=filters, decode=True)
            return sum(1 for e in events if int(e.get("timeNano", 0)) >= since_ns)
        except engine_errors():
            return None

    def peak_bytes(self) -> int | None:
        return (self.latest.get("memory_stats") or {}).get("max_usage")

    def process_count(self) -> int | None:
        # A count up to a second old cannot prove that a worker left nothing behind.
        return None

    def notes(self) -> tuple[str, ...]:
        return (STREAM_NOTE,) if self.latest else (NO_FIGURES_NOTE,)

    def stop(self) -> None:
        self.stopping.set()
        self.thread.join(STATS_JOIN_S)


def _cpu_usage(sample: dict) -> float | None:
    """The container's CPU time in seconds, from one stats sample."""
    usage = ((sample.get("cpu_stats") or {}).get("cpu_usage") or {}).get("total_usage")
    return usage / 1e9 if usage else None  # zero or missing: a stopped container's empty sample


# ---------------------------------------------------------------- worker


class Demux:
    """Splits the engine's multiplexed exec stream (8-byte frame headers) into stdout and stderr."""

    HEADER = struct.Struct(">BxxxL")

    def __init__(self) -> None:
        self.pending = b""

    def feed(self, data: bytes) -> Iterator[tuple[int, bytes]]:
        """Yields (stream number, payload) for every complete frame seen so far."""
        self.pending += data
        while len(self.pending) >= self.HEADER.size:
            stream, size = self.HEADER.unpack_from(self.pending)
            end = self.HEADER.size + size
            if len(self.pending) < end:
                return
            payload, self.pending = self.pending[self.HEADER.size:end], self.pending[end:]
            yield stream, payload


class AttachChannel:
    """The protocol over the exec's attached stdin/stdout, relayed by the engine.

    Works with any engine, remote ones included; each message crosses the
    engine and its shim, which costs a few tenths of a millisecond per call.
    """

    STDERR_CAP = 64 * 1024
    connected = True

    def __init__(self, attached: Any) -> None:
        self.attached = attached  # the SDK's file object over the socket, when it made one
        self.sock: socket.socket = getattr(attached, "_sock", attached)
        # Reads follow select(); a send to a worker that never reads fails instead of hanging.
        self.sock.settimeout(SEND_TIMEOUT_S)
        self.demux = Demux()
        self.stderr = b""  # the worker's own stderr, before it points fd 2 at its file

    def fileno(self) -> int:
        return self.sock.fileno()

    def read(self) -> bytes | None:
        """The stdout bytes that arrived (maybe none), None at end of stream."""
        try:
            chunk = self.sock.recv(1 << 20)
        except OSError:
            chunk = b""
        if not chunk:
            return None
        data = b""
        for stream, payload in self.demux.feed(chunk):
            if stream == 1:
                data += payload
            else:
                self.stderr = (self.stderr + payload)[: self.STDERR_CAP]
        return data

    def write(self, data: bytes) -> None:
        self.sock.sendall(data)

    def end_input(self) -> None:
        try:
            self.sock.shutdown(socket.SHUT_WR)
        except OSError:
            pass

    def close(self) -> None:
        close_socket(self.attached)


def close_socket(attached: Any) -> None:
    """Closes an attached connection for good: the socket is only released once the
    SDK's file object over it (if any) is closed too."""
    for part in (attached, getattr(attached, "_sock", None)):
        if part is not None:
            try:
                part.close()
            except OSError:
                pass


class FifoChannel:
    """The protocol over two named pipes in a directory mounted into the container.

    Used when the engine runs on this kernel: the worker reads and writes
    kernel pipes shared with the judge, with no daemon in between, as fast as
    the local backend. Until the worker first speaks, the judge holds a write
    end of the reply pipe itself (so "no writer yet" is not mistaken for the
    worker's exit) and a read end of the request pipe (so opening never
    blocks); once it has spoken both are dropped, and a dead worker shows as
    end-of-file and broken pipe, exactly like a dead local worker.
    """

    def __init__(self, directory: Path) -> None:
        name = secrets.token_hex(12)  # unguessable: the directory is not listable
        self.paths = (directory / f"{name}.req", directory / f"{name}.rep")
        for path in self.paths:
            os.mkfifo(path)
            os.chmod(path, 0o666)  # the worker's uid must open them; nobody can find them
        self.request = os.open(self.paths[0], os.O_RDWR)
        self.reply = os.open(self.paths[1], os.O_RDONLY | os.O_NONBLOCK)
        self.reply_holder: int | None = os.open(self.paths[1], os.O_WRONLY | os.O_NONBLOCK)
        self.connected = False

    def names(self) -> tuple[str, str]:
        return self.paths[0].name, self.paths[1].name

    def fileno(self) -> int:
        return self.reply

    def read(self) -> bytes | None:
        try:
            data = os.read(self.reply, 1 << 20)
        except BlockingIOError:
            return b""
        if not data:
            return None
        if not self.connected:
            self._connect()
        return data

    def _connect(self) -> None:
        """The worker has both pipes open: keep only our own ends of them."""
        self.connected = True
        os.close(self.reply_holder)
        self.reply_holder = None
        try:
            request = os.open(self.paths[0], os.O_WRONLY | os.O_NONBLOCK)
        except OSError:  # it already closed its end: the next send finds it gone
            request = -1
        os.close(self.request)
        self.request = request
        for path in self.paths:
            path.unlink(missing_ok=True)

    def write(self, data: bytes) -> None:
        if self.request < 0:
            raise BrokenPipeError("the worker closed its request pipe")
        view = memoryview(data)
        deadline = time.monotonic() + SEND_TIMEOUT_S
        while view:
            try:
                view = view[os.write(self.request, view):]
            except BlockingIOError:
                if not select.select([], [self.request], [], max(0.0, deadline - time.monotonic()))[1]:
                    raise TimeoutError(f"the worker read nothing for {SEND_TIMEOUT_S:g} s") from None

    def end_input(self) -> None:
        if self.request >= 0:
            os.close(self.request)
            self.request = -1

    def close(self) -> None:
        """Idempotent: a descriptor closed twice could be someone else's by then."""
        for fd in (self.request, self.reply, self.reply_holder):
            if fd is not None and fd >= 0:
                os.close(fd)
        self.request, self.reply, self.reply_holder = -1, -1, None
        for path in self.paths:
            path.unlink(missing_ok=True)


class DockerWorker(WorkerProcess):
    """One worker, started with `docker exec` inside the run's container."""

    def __init__(self, box: DockerBox, number: int) -> None:
        self.box = box
        self.accounting = box.accounting
        self.cpu_resolution_s = self.accounting.resolution_s
        self.accounting.start_worker()
        self.buffer = b""
        self.channel_closed = False
        self.next_exit_check = time.monotonic() + EXIT_POLL_S
        self.termination: Termination | None = None
        argv = worker_argv(box.job, number)
        if box.channel_dir is not None:
            self.channel: AttachChannel | FifoChannel = FifoChannel(box.channel_dir)
            self._start_detached(fifo_launch(self.channel.names(), number) + argv)
        else:
            self.channel = self._start_attached(attach_launch() + argv)

    def _start_attached(self, argv: list[str]) -> AttachChannel:
        api = self.box.client.api
        try:
            self.exec_id = api.exec_create(self.box.container.id, argv, stdin=True, user=SANDBOX_USER)["Id"]
            attached = api.exec_start(self.exec_id, socket=True)
        except engine_errors() as exc:
            raise SandboxError(f"the worker could not start in the container: {exc}") from exc
        return AttachChannel(attached)

    def _start_detached(self, argv: list[str]) -> None:
        api = self.box.client.api
        try:
            self.exec_id = api.exec_create(
                self.box.container.id, argv, stdout=False, stderr=False, user=SANDBOX_USER
            )["Id"]
            api.exec_start(self.exec_id, detach=True)
        except engine_errors() as exc:
            self.channel.close()
            raise SandboxError(f"the worker could not start in the container: {exc}") from exc

    def send(self, line: bytes) -> None:
        self.accounting.start_call()
        try:
            self.channel.write(line + b"\n")
        except OSError as exc:
            raise WorkerGone("the worker closed its channel") from exc

    def receive(self, timeout_s: float) -> bytes | None:
        deadline = time.monotonic() + timeout_s
        while b"\n" not in self.buffer:
            if self.channel_closed:
                raise WorkerGone("the worker exited")
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return None
            self._wait_readable(remaining)
        line, _, self.buffer = self.buffer.partition(b"\n")
        return line

    def _wait_readable(self, remaining: float) -> None:
        """Reads what arrives within `remaining` seconds; notices a worker that died unheard."""
        if select.select([self.channel], [], [], min(remaining, EXIT_POLL_S))[0]:
            data = self.channel.read()
            if data is None:
                self.channel_closed = True
            else:
                self.buffer += data
        elif time.monotonic() >= self.next_exit_check:
            self.next_exit_check = time.monotonic() + EXIT_POLL_S
            self.channel_closed = self._exit_code() is not None

    def cpu_seconds(self) -> float | None:
        # Container-wide, but the previous worker's processes are all dead by now.
        return self.accounting.cpu_seconds()

    def terminate(self) -> Termination:
        if self.termination is None:
            self.termination = self._kill_and_collect()
        return self.termination

    def _kill_and_collect(self) -> Termination:
        if self.channel_closed:  # it died by itself: wait for its own status
            status = self._wait_exit(EXIT_GRACE_S)
        else:  # an idle worker leaves its serve loop on end-of-input and exits 0
            self.channel.end_input()
            status = self._wait_exit(IDLE_EXIT_S)
        killed_by_us = status is None
        # Whatever it started goes too (also when it exited): only the keeper survives.
        if killed_by_us or self._leftovers():
            self._kill_all()
        if killed_by_us:
            self._wait_exit(EXIT_GRACE_S)
        self.close_channel()
        ooms = self.accounting.oom_kills()
        peak = self.accounting.peak_bytes()
        code, sig = (None, signal.SIGKILL) if killed_by_us else _split_status(status)
        return Termination(
            exit_code=code,
            signal=sig,
            oom_killed=bool(ooms),
            output_exceeded=sig == signal.SIGXFSZ,
            cpu_exceeded=sig == signal.SIGXCPU,
            peak_memory_kb=None if peak is None else peak // 1024,
        )

    def _leftovers(self) -> bool:
        count = self.accounting.process_count()
        return count is None or count > KEEPER_PROCESSES

    def _kill_all(self) -> None:
        """SIGKILL to every process of the sandbox user, sent from inside as that user."""
        if not self.box.exec_quietly(KILL_ALL):
            # No exec could start (a fork bomb holding every pid, say): the next
            # spawn gets a new container rather than sharing one with leftovers.
            self.box.tainted = True

    def _exit_code(self) -> int | None:
        """The worker's exit status, None while it runs."""
        try:
            info = self.box.client.api.exec_inspect(self.exec_id)
        except engine_errors():
            return None
        return None if info.get("Running") else info.get("ExitCode")

    def _wait_exit(self, grace_s: float) -> int | None:
        deadline = time.monotonic() + grace_s
        while True:
            status = self._exit_code()
            if status is not None or time.monotonic() >= deadline:
                return status
            time.sleep(0.01)

    def close_channel(self) -> None:
        self.channel.close()

    def output(self) -> CapturedOutput:
        captured = self.box.read_output()
        launch_stderr = getattr(self.channel, "stderr", b"")
        if launch_stderr and not captured.stderr:
            captured.stderr = launch_stderr.decode("utf-8", errors="replace")
        return captured


def _split_status(status: int) -> tuple[int | None, int | None]:
    """(exit code, signal) from an exec's status, where a signal shows as 128 + its number.

    A process can also exit(137) by itself; the two cannot be told apart through
    the engine, and the OOM counter, not this, decides memory verdicts.
    """
    if status > 128 and status - 128 in signal.valid_signals():
        return None, status - 128
    return status, None


# ---------------------------------------------------------------- image


def build_image(offline: bool, progress: Callable[[str], None], *, rebuild_base: bool = False) -> str:
    """Builds IMAGE from sandbox_image/Dockerfile; returns a one-line summary.

    Online: from DEFAULT_BASE (pulled if missing). Offline, or when the pull
    fails: from a debootstrapped Debian root file system imported as ROOTFS_IMAGE.
    """
    client = connect()
    if not (image_recipe() / "Dockerfile").is_file():
        raise SandboxError(f"{image_recipe()}/Dockerfile is missing: this installation of the judge is incomplete")
    base = None if offline else _official_base(client, progress)
    if base is None:
        base = _rootfs_base(client, progress, rebuild_base)
    image_id = _docker_build(client, base, progress, network=not offline and base == DEFAULT_BASE)
    return f"built {IMAGE} ({image_id[7:19]}) from {base}"


def _official_base(client: Any, progress: Callable[[str], None]) -> str | None:
    """DEFAULT_BASE when present or pullable; None when no registry answers."""
    docker = _docker_sdk()
    try:
        client.images.get(DEFAULT_BASE)
        return DEFAULT_BASE
    except docker.errors.ImageNotFound:
        pass
    except engine_errors() as exc:
        raise SandboxError(f"the Docker engine failed: {exc}") from exc
    progress(f"pulling {DEFAULT_BASE}")
    try:
        client.images.pull(DEFAULT_BASE)
    except engine_errors() as exc:
        progress(f"no registry answered ({str(exc).splitlines()[0][:160]}); building offline instead")
        return None
    return DEFAULT_BASE


def _rootfs_base(client: Any, progress: Callable[[str], None], rebuild: bool) -> str:
    """ROOTFS_IMAGE, debootstrapped and imported unless it already exists."""
    docker = _docker_sdk()
    if not rebuild:
        try:
            client.images.get(ROOTFS_IMAGE)
            progress(f"reusing {ROOTFS_IMAGE} (--rebuild-base makes it afresh)")
            return ROOTFS_IMAGE
        except docker.errors.ImageNotFound:
            pass
    with tempfile.TemporaryDirectory(prefix="judge-rootfs-") as work:
        tarball = Path(work) / "rootfs.tar"
        progress("debootstrap: a minimal Debian with python3 and python3-numpy (about a minute)")
        _run_rootfs_script(tarball)
        progress(f"importing the root file system as {ROOTFS_IMAGE}")
        repository, _, tag = ROOTFS_IMAGE.partition(":")
        try:
            client.api.import_image_from_file(str(tarball), repository=repository, tag=tag)
        except engine_errors() as exc:
            raise SandboxError(f"docker import failed: {exc}") from exc
    return ROOTFS_IMAGE


def _run_rootfs_script(tarball: Path) -> None:
    script = image_recipe() / "build-rootfs.sh"
    try:
        result = subprocess.run(["bash", str(script), str(tarball)], capture_output=True, text=True, check=False)
    except OSError as exc:
        raise SandboxError(f"{script} could not run: {exc}") from exc
    if result.returncode != 0:
        raise SandboxError(f"{script} failed:\n{result.stderr.strip()[-2000:]}")


def _docker_build(client: Any, base: str, progress: Callable[[str], None], *, network: bool) -> str:
    """`docker build` of sandbox_image/ with BASE=base; returns the image id."""
    log: list[str] = []
    try:
        stream = client.api.build(
            path=str(image_recipe()), tag=IMAGE, buildargs={"BASE": base}, labels={"judge.base": base},
            rm=True, forcerm=True, decode=True, network_mode=None if network else "none",
        )
        for chunk in stream:
            if "error" in chunk:
                raise SandboxError(f"docker build failed: {chunk['error'].strip()}\n" + "".join(log[-20:]))
            if chunk.get("stream"):
                log.append(chunk["stream"])
                progress(chunk["stream"].rstrip())
    except engine_errors() as exc:
        raise SandboxError(f"docker build failed: {exc}") from exc
    return client.images.get(IMAGE).id
