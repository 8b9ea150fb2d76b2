"""What this machine allows the local sandbox: probed once by running the init in probe mode, and
stated in every Isolation (nothing missing is skipped silently)."""

from __future__ import annotations

import functools
import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from judge import scratch
from judge.sandbox.base import Isolation
from judge.sandbox.launch import CLEAN_ENV
from judge.sandbox.local.hiding import closed_ways_to_python

INIT_SOURCE = Path(__file__).with_name("box_init.py")


UNSHARE_FLAGS = ("--net", "--pid", "--fork", "--kill-child", "--mount", "--mount-proc")


@dataclass(frozen=True)
class Confinement:
    """What the probe found: the unshare command that works, and which steps held."""

    unshare: tuple[str, ...] = ()
    read_only_root: bool = False
    reason: str = ""

    @property
    def namespaced(self) -> bool:
        return bool(self.unshare)


def unshare_command() -> tuple[str, ...]:
    flags = UNSHARE_FLAGS if os.geteuid() == 0 else ("--user", "--map-root-user", *UNSHARE_FLAGS)
    return ("unshare", *flags)


def init_command(init_script: Path, unshare: tuple[str, ...]) -> list[str]:
    """The init as a command line: our interpreter running box_init.py by path, under
    unshare, under a parent-death signal: if the judge dies, even by SIGKILL, unshare
    dies, and with it (--kill-child) the init and so the whole namespace.

    -S (no site-packages) saves tens of milliseconds per worker: the init needs only
    the standard library.
    """
    return ["setpriv", "--pdeathsig", "KILL", "--", *unshare, "--", sys.executable, "-I", "-S", str(init_script)]


def config_line(config: dict) -> bytes:
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
            result = subprocess.run(init_command(folder / "init.py", unshare_command()), input=config_line(config), capture_output=True, timeout=20,
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
    return Confinement(unshare_command(), bool(found["confined"].get("read_only_root")))


def isolation() -> Isolation:
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
