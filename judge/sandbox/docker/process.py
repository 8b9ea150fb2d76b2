"""One worker: a `docker exec` in the run's container, its channel, its end and what it left behind."""

from __future__ import annotations

import select
import signal
import time
from typing import TYPE_CHECKING

from judge.errors import SandboxError
from judge.sandbox.base import CapturedOutput, Termination, WorkerGone, WorkerProcess
from judge.sandbox.docker.channels import AttachChannel, FifoChannel
from judge.sandbox.docker.container import KILL_ALL, SANDBOX_USER, attach_launch, fifo_launch, worker_argv
from judge.sandbox.docker.engine import engine_errors
from judge.sandbox.pipes import Lines
from judge.sandbox.spin import answered_soon
from judge.sandbox.termination import from_status, split_shell_status

if TYPE_CHECKING:  # the box makes its workers: imported for the annotations only
    from judge.sandbox.docker.box import DockerBox

# How long a worker that closed its channel gets to exit by itself, so that its
# own exit status (a signal, an exit code) is what we report.
EXIT_GRACE_S = 1.0


# An idle worker ends on end-of-input in milliseconds; one still busy after this
# long is killed. Ending it this way saves an exec (~70 ms) on every normal run.
IDLE_EXIT_S = 0.25


# What runs in a container with no worker: the engine's init and the keeper's `cat`.
KEEPER_PROCESSES = 2


# While a worker is silent, how often the engine is asked whether it exited: it
# can die without its channel closing (a forked child still holds the pipe) or
# before it ever spoke.
EXIT_POLL_S = 0.25


class DockerWorker(WorkerProcess):
    """One worker, started with `docker exec` inside the run's container."""

    def __init__(self, box: DockerBox, number: int) -> None:
        self.box = box
        self.accounting = box.accounting
        self.cpu_resolution_s = self.accounting.resolution_s
        self.accounting.start_worker()
        self.replies = Lines()
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
        self.just_sent = True

    def receive(self, timeout_s: float) -> bytes | None:
        deadline = time.monotonic() + timeout_s
        if self.just_sent and not self.replies.complete and not self.channel_closed:
            answered_soon(lambda: bool(select.select([self.channel], [], [], 0)[0]))
        self.just_sent = False
        while not self.replies.complete:
            if self.channel_closed:
                raise WorkerGone("the worker exited")
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return None
            self._wait_readable(remaining)
        return self.replies.pop()

    def _wait_readable(self, remaining: float) -> None:
        """Reads what arrives within `remaining` seconds; notices a worker that died unheard."""
        if select.select([self.channel], [], [], min(remaining, EXIT_POLL_S))[0]:
            data = self.channel.read()
            if data is None:
                self.channel_closed = True
            else:
                self.replies.feed(data)
        elif time.monotonic() >= self.next_exit_check:
            self.next_exit_check = time.monotonic() + EXIT_POLL_S
            self.channel_closed = self._exit_code() is not None

    def cpu_seconds(self) -> float | None:
        # Container-wide, but the previous worker's processes are all dead by now.
        return self.accounting.cpu_seconds()

    def wait_seconds(self) -> float | None:
        return self.accounting.wait_seconds()

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
        code, sig = (None, signal.SIGKILL) if status is None else split_shell_status(status)  # None: killed_by_us
        return from_status(code, sig, oom_killed=bool(ooms), peak_memory_kb=None if peak is None else peak // 1024)

    def let_go(self) -> None:
        # An idle worker leaves by itself on end-of-input. Waiting until the engine reports its exit
        # (15 to 240 ms, polled every 10 ms, at the end of every run) tells nothing a closing box
        # needs: the container's removal, which follows, ends it and whatever it left.
        if self.termination is None and not self.channel_closed:
            self.close_channel()
            self.channel_closed = True  # a terminate() now waits for its exit instead of writing to it

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
