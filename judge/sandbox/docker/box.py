"""The docker backend and its Box: one container per judging run, started, spawned into, removed on every path."""

from __future__ import annotations

import contextlib
import uuid
from typing import Any

from judge import scratch
from judge.errors import SandboxError
from judge.sandbox.base import Backend, Box, CapturedOutput, Isolation, Job, Probe, WorkerProcess
from judge.sandbox.docker.accounting import CgroupAccounting, locate_accounting
from judge.sandbox.docker.channels import close_socket
from judge.sandbox.docker.container import LABEL, OUT_DIR, SANDBOX_USER, container_config
from judge.sandbox.docker.engine import (
    IMAGE,
    RUN_ENGINE_TIMEOUT_S,
    _docker_sdk,
    _security_options,
    connect,
    docker_status,
    engine_errors,
)
from judge.sandbox.docker.process import DockerWorker
from judge.sandbox.docker.stale import remove_containers, sweep_stale
from judge.sandbox.output import capped

# Reading the captured output must never hang the judge (a FIFO planted by the
# solution, say): the reader is killed after this long.
READ_TIMEOUT_S = 5


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
            scratch.remove(self.host_dir)
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
        if self.accounting.tmpfs_bytes() == 0:
            # No page of /tmp holds anything: every output file is empty (an exec saved, 0.07 CPU s).
            return CapturedOutput()
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
        return capped(stdout or b"", stderr or b"", cap)

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
        scratch.remove(self.host_dir)
        # Its connections to the engine, now: a process that judges run after run (a contest worker,
        # the test suite) would otherwise hold ten sockets a run for as long as anything refers to the box.
        with contextlib.suppress(*engine_errors()):
            self.client.close()

    def _discard_container(self) -> None:
        self._remove_ours()
        self.accounting.stop()  # after the removal, which ends the stats stream at once

    def _remove_ours(self) -> None:
        """Removes the container (the engine may have done it already: auto_remove) and its lifeline."""
        remove_containers(self.client, {"label": f"{LABEL}={self.run_id}"})
        if self.keeper is not None:
            close_socket(self.keeper)
            self.keeper = None
