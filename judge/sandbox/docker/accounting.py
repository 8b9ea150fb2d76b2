"""The container's trusted figures (CPU time, OOM kills, peak memory, processes): from the host's cgroup
files when the engine shares this kernel, else from the engine's stats stream and events."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar, Protocol

from judge.sandbox.base import WorkerProcess
from judge.sandbox.docker.engine import engine_errors
from judge.sandbox.procfs import run_delay_ns


class Accounting(Protocol):
    """The container's trusted figures for its current worker, whatever they are read through."""

    @property
    def resolution_s(self) -> float:
        """How stale cpu_seconds() may be (WorkerProcess.cpu_resolution_s)."""

    def start_worker(self) -> None:
        """A new worker starts (the previous one is dead): CPU time and OOM kills count from here."""

    def start_call(self) -> None:
        """The worker is sent a call: what the container did before is not the call's."""

    def cpu_seconds(self) -> float | None:
        """CPU time of the container since start_worker(); None when it cannot be known."""

    def wait_seconds(self) -> float | None:
        """Run delay of the container's live threads (WorkerProcess.wait_seconds); None when unknown."""

    def oom_kills(self) -> int | None:
        """OOM kills in the container since start_worker()."""

    def peak_bytes(self) -> int | None: ...

    def process_count(self) -> int | None:
        """Processes in the container now; None when that cannot be known for sure."""

    def tmpfs_bytes(self) -> int | None:
        """Memory the container's tmpfs files hold now (its /tmp: the workers' output files among
        them); None when that cannot be known for sure."""

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

    def wait_seconds(self) -> float | None:
        # Every thread of the cgroup, by its host thread id (v1 lists them in `tasks`, v2 in `cgroup.threads`).
        for name in ("tasks", "cgroup.threads"):
            try:
                tids = (self.cpu_file.parent / name).read_text().split()
            except OSError:
                continue
            return sum(run_delay_ns(int(tid)) for tid in tids if tid.isdigit()) / 1e9
        return None

    def oom_kills(self) -> int | None:
        now = self._oom_total()
        return None if now is None or self.oom_base is None else now - self.oom_base

    def peak_bytes(self) -> int | None:
        return _read_int(self.peak_file)

    def process_count(self) -> int | None:
        return _read_int(self.pids_file)

    def tmpfs_bytes(self) -> int | None:
        # Shared memory, as the kernel counts it for the cgroup: the pages of its tmpfs files.
        return _read_key(self.oom_file.parent / "memory.stat", "shmem")

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
        except engine_errors() + (ValueError,):
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

    def wait_seconds(self) -> float | None:
        return None  # the engine's stats stream does not carry the run delay

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

    def tmpfs_bytes(self) -> int | None:
        return None  # idem: a sample up to a second old cannot prove that nothing was written since

    def notes(self) -> tuple[str, ...]:
        return (STREAM_NOTE,) if self.latest else (NO_FIGURES_NOTE,)

    def stop(self) -> None:
        self.stopping.set()
        self.thread.join(STATS_JOIN_S)


def _cpu_usage(sample: dict) -> float | None:
    """The container's CPU time in seconds, from one stats sample."""
    usage = ((sample.get("cpu_stats") or {}).get("cpu_usage") or {}).get("total_usage")
    return usage / 1e9 if usage else None  # zero or missing: a stopped container's empty sample
