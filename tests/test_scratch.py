"""Temporary folders are removed only when their owner is gone, as the kernel knows it:
never by a pid read in another PID namespace, and never kept for a pid that was reused."""

from __future__ import annotations

import fcntl
import os
import shutil
import subprocess
import sys
import tempfile
import uuid
from pathlib import Path

import pytest

from judge import scratch

SWEEP = "import sys; from judge import scratch; scratch.sweep(sys.argv[1])"


def _kind() -> str:
    return "test" + uuid.uuid4().hex[:10]  # a kind of our own: no other judge's folders are touched


def test_a_live_owners_folder_survives_a_sweep_from_another_pid_namespace() -> None:
    if shutil.which("unshare") is None or subprocess.run(
            ["unshare", "--pid", "--fork", "--mount-proc", "true"], capture_output=True).returncode != 0:
        pytest.fail("unshare --pid is needed here (root, util-linux): CI has both")
    kind = _kind()
    path = scratch.make(kind)
    try:
        # In its own PID namespace our pid names nobody (or someone else): only the lock tells.
        subprocess.run(["unshare", "--pid", "--fork", "--mount-proc", sys.executable, "-c", SWEEP, kind], check=True)
        assert path.is_dir()
        assert scratch.lock_file(path).is_file()
    finally:
        scratch.remove(path)
    assert not path.exists()


def test_a_dead_owners_folder_is_swept_though_its_pid_is_alive() -> None:
    """A folder named for a live pid (ours, as after pid reuse) whose lock nobody holds is stale."""
    kind = _kind()
    orphan = Path(tempfile.mkdtemp(prefix=f"judge-{kind}-{os.getpid()}-"))
    scratch.lock_file(orphan).touch()
    subprocess.run([sys.executable, "-c", SWEEP, kind], check=True)
    assert not orphan.exists()


def test_a_folder_of_a_killed_owner_is_swept() -> None:
    kind = _kind()
    owner = subprocess.Popen([sys.executable, "-c", (
        "import sys, time; from judge import scratch; print(scratch.make(sys.argv[1]), flush=True); time.sleep(600)"
    ), kind], stdout=subprocess.PIPE, text=True)
    try:
        path = Path(owner.stdout.readline().strip())
        subprocess.run([sys.executable, "-c", SWEEP, kind], check=True)
        assert path.is_dir(), "swept while its owner lived"
    finally:
        owner.kill()
        owner.wait()
        owner.stdout.close()
    subprocess.run([sys.executable, "-c", SWEEP, kind], check=True)
    assert not path.exists()


def test_a_folder_still_being_made_is_left_alone() -> None:
    """No lock file yet: its maker is between mkdtemp and the lock, not dead."""
    kind = _kind()
    young = Path(tempfile.mkdtemp(prefix=f"judge-{kind}-1-"))
    try:
        scratch.sweep(kind)
        assert young.is_dir()
    finally:
        shutil.rmtree(young)


def test_the_lock_is_held_while_the_folder_lives() -> None:
    path = scratch.make(_kind())
    fd = os.open(scratch.lock_file(path), os.O_RDONLY)
    try:
        with pytest.raises(BlockingIOError):
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    finally:
        os.close(fd)
        scratch.remove(path)
