"""The local backend and its Box: a private folder with read-only copies of the worker, the init and the
solution, the output files, and a user id of its own when the judge is root."""

from __future__ import annotations

import os
import random
import shutil
import sys
from pathlib import Path

from judge import scratch
from judge.sandbox.base import Backend, Box, Isolation, Job, Probe, WorkerProcess
from judge.sandbox.launch import CLEAN_ENV, worker_command
from judge.sandbox.local import confinement  # through the module: tests replace its probe
from judge.sandbox.local.box_init import SANDBOX_FILES, SANDBOX_WORK
from judge.sandbox.local.confinement import INIT_SOURCE, config_line, init_command
from judge.sandbox.local.hiding import closed_ways_to_python, hiding_plan, judge_installation
from judge.sandbox.local.process import LocalWorker, _rlimits
from judge.sandbox.procfs import kill_user_processes

WORKER_SOURCE = Path(__file__).resolve().parents[1] / "worker.py"


# A root judge gives each box a user id of its own, from a range no real account uses.
RUN_UID_BASE, RUN_UID_SPAN = 1 << 30, 1 << 24


class LocalBackend(Backend):
    name = "local"

    def probe(self) -> Probe:
        return Probe(self.name, True, "always available", confinement.isolation())

    def open(self, job: Job) -> Box:
        return LocalBox(job)


class LocalBox(Box):
    """A temporary directory: read-only copies of the worker and solution, and the output files."""

    def __init__(self, job: Job) -> None:
        self.job = job
        self._isolation = confinement.isolation()
        self.confinement = confinement.probe_confinement()
        self.uid = _run_uid() if os.geteuid() == 0 and shutil.which("setpriv") else None
        self.root = scratch.make("box")
        self.spawned = 0
        self.current: LocalWorker | None = None
        try:
            self._prepare()
        except BaseException:
            scratch.remove(self.root)
            raise

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
    def isolation(self) -> Isolation:
        return self._isolation

    @property
    def solution_copy(self) -> Path:
        # The file keeps its own name, so tracebacks name the file the candidate wrote.
        return self.root / "solution" / self.job.solution.name

    def spawn(self) -> WorkerProcess:
        if self.current is not None:
            self.current.terminate()
        self.spawned += 1
        outputs = _open_outputs(self.root / "out", self.spawned, self.uid)
        status_r: int | None
        keep: tuple[int, ...]
        if self.confinement.namespaced:
            status_r, status_w = os.pipe()
            command = init_command(self.root / "init.py", self.confinement.unshare)
            first_line = config_line(self._namespaced_config(outputs, status_w))
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
            *worker_command(sys.executable, worker, self.job, solution),
            "--stdout-fd", str(outputs[0]), "--stderr-fd", str(outputs[1]),
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
        try:
            if self.current is not None:
                self.current.terminate()
            if self.uid is not None and not self.confinement.namespaced:
                kill_user_processes(self.uid)  # anything started after the last worker ended
        finally:
            scratch.remove(self.root)


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
