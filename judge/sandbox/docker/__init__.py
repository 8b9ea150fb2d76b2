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

Modules: engine (the SDK and a client), container (what a run's container is
made of), box (the backend and the Box), stale (containers of dead judges),
process (one worker), channels (pipes or the attached stream), accounting
(cgroup files or the stats stream), image (building the image).
"""

from judge.sandbox.docker.accounting import (
    NO_FIGURES_NOTE,
    STREAM_NOTE,
    ApiAccounting,
    CgroupAccounting,
    cgroup_accounting,
)
from judge.sandbox.docker.box import CHANNELS, DockerBackend, DockerBox
from judge.sandbox.docker.channels import Demux, FifoChannel
from judge.sandbox.docker.container import KEEPER_USER, SANDBOX_USER, worker_argv
from judge.sandbox.docker.engine import IMAGE, connect, docker_status, image_recipe
from judge.sandbox.docker.image import build_image

__all__ = [
    "CHANNELS", "IMAGE", "KEEPER_USER", "NO_FIGURES_NOTE", "SANDBOX_USER", "STREAM_NOTE", "ApiAccounting",
    "CgroupAccounting", "Demux", "DockerBackend", "DockerBox", "FifoChannel", "build_image", "cgroup_accounting",
    "connect", "docker_status", "image_recipe", "worker_argv",
]
