"""A run's container as the engine is asked for it: its limits, users, paths and mounts, and the
command lines that launch a worker inside it."""

from __future__ import annotations

import os
import socket
from pathlib import Path
from typing import Any

from judge import scratch
from judge.sandbox.base import Job
from judge.sandbox.docker.engine import _docker_sdk
from judge.sandbox.launch import CLEAN_ENV, worker_command

WORKER_SOURCE = Path(__file__).resolve().parents[1] / "worker.py"


SANDBOX_USER = "10001:10001"


KEEPER_USER = "10002:10002"


WORKER_PATH = "/opt/judge/worker.py"


SOLUTION_DIR = "/solution"


OUT_DIR = "/tmp/out"


WORK_DIR = "/tmp/work"


LABEL = "judge.run"
KEEPER_LOCK_LABEL = "judge.keeper_lock"


# The keeper (init + cat), a launcher shell and our own kill/read execs.
PIDS_OVERHEAD = 6


# The keeper reads stdin until end of file, which comes when the judge's attached
# socket closes (module docstring); nothing is ever written to it.
KEEPER_COMMAND = ["/bin/sh", "-c", "exec cat >/dev/null"]


# The clean environment of every worker, with its home in the private /tmp.
CONTAINER_ENV = {**CLEAN_ENV, "HOME": WORK_DIR}


CHANNEL_DIR = "/judge-channel"


# The worker's exec runs a launcher first: fresh directories, then the worker in
# its place (attached: on the exec's stdin/stdout; FIFO: on the two named pipes,
# with anything it says before taking over fd 2 kept as the run's stderr).
ATTACH_LAUNCH = f'mkdir -p {OUT_DIR} {WORK_DIR} && cd {WORK_DIR} && exec "$@"'


FIFO_LAUNCH = (
    f'req="{CHANNEL_DIR}/$1" rep="{CHANNEL_DIR}/$2" err="{OUT_DIR}/stderr.$3"; shift 3; '
    f'mkdir -p {OUT_DIR} {WORK_DIR} && cd {WORK_DIR} && exec "$@" <"$req" >"$rep" 2>>"$err"'
)


KILL_ALL = "kill -9 -1 2>/dev/null; exit 0"


BACKGROUND_CPU_SHARES = 335


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
        "environment": CONTAINER_ENV,
        "labels": run_labels(run_id, channel_dir),
        "network_mode": "none",
        # Still a network namespace of its own with a loopback alone (runc makes it), as with "none";
        # but no sandbox of the engine's network library is set up in it, whose hooks run the engine's
        # 75 MB binary twice per container: 0.1 CPU s a container (benchmarks/box_cost.py).
        "network_disabled": True,
        "read_only": True,
        # tmpfs pages are charged to the memory cgroup: they count against the limit.
        "tmpfs": {"/tmp": f"rw,nosuid,nodev,size={2 * limits.file_size_mb}m,mode=1777"},
        "shm_size": f"{limits.file_size_mb}m",
        "mem_limit": limits.memory_bytes,
        "memswap_limit": limits.memory_bytes,
        "pids_limit": limits.processes + PIDS_OVERHEAD,
        "nano_cpus": 1_000_000_000,
        # A background job's container also weighs less against the run's other containers (niceness
        # only orders the tasks within one cgroup): 335 of the default 1024, the kernel's weight of
        # the complexity lane's niceness 5.
        **({"cpu_shares": BACKGROUND_CPU_SHARES} if job.nice else {}),
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
        *worker_command("python3", WORKER_PATH, job, solution_path(job)),
        "--stdout", f"{OUT_DIR}/stdout.{tag}",
        "--stderr", f"{OUT_DIR}/stderr.{tag}",
    ]


def run_labels(run_id: str, host_dir: Path) -> dict[str, str]:
    """The run's id, and the lock file its judge holds while it lives (judge.pid is for people)."""
    return {
        LABEL: run_id,
        KEEPER_LOCK_LABEL: str(scratch.lock_file(host_dir)),
        "judge.host": socket.gethostname(),
        "judge.pid": str(os.getpid()),
    }
