"""The local sandbox from the inside: its clock, and what of ours it can see."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from judge.limits import Limits
from judge.sandbox.base import Job
from judge.sandbox.client import WorkerClient
from judge.sandbox.local import LocalBackend, judge_installation, probe_confinement
from tests.conftest import PROBLEMS_ROOT, REPO

PROBES = '''
import os, time

def spin(microseconds):
    end = time.perf_counter() + microseconds / 1e6
    while time.perf_counter() < end:
        pass

def visible(known):
    """Every regular file this process can reach whose (device, inode) is in `known`."""
    known = {tuple(pair) for pair in known}
    found, seen = [], 0
    for top in sorted(set(os.listdir("/")) - {"proc", "sys", "dev"}):
        for folder, dirs, files in os.walk("/" + top, onerror=lambda error: None):
            for name in files:
                try:
                    info = os.stat(os.path.join(folder, name), follow_symlinks=False)
                except OSError:
                    continue
                seen += 1
                if (info.st_dev, info.st_ino) in known:
                    found.append(os.path.join(folder, name))
    return [seen, found]
'''


@pytest.fixture
def client(tmp_path: Path):
    solution = tmp_path / "probes.py"
    solution.write_text(PROBES)
    limits = Limits(time_per_call_s=60)
    with LocalBackend().open(Job(solution, limits, (), (PROBLEMS_ROOT,))) as box:
        worker = WorkerClient(box, limits)
        worker.start()
        yield worker
        worker.close()


def test_a_200_microsecond_call_reads_its_own_cpu_time(client: WorkerClient) -> None:
    """The worker's clock is exact under the sandbox's RLIMIT_CPU (a process clock reads 0.0 there)."""
    readings = [client.call({"op": "call", "name": "spin", "args": [200], "kwargs": {}}).cpu_s for _ in range(20)]
    assert all(r > 0 for r in readings), readings  # a tick-based clock reads 0.0 for most of them
    # The spin is 200 µs of wall time: less CPU when a busy machine preempts it, never much more.
    assert 100e-6 < sorted(readings)[10] < 5e-3, readings


def _project_files() -> set[tuple[int, int]]:
    """(device, inode) of every file of the project: the checkout (its git history included,
    its venv's third-party packages not) and every file an installed judge put elsewhere."""
    venv = REPO / ".venv"
    installed = judge_installation()
    folders = [REPO, *(p for p in installed if p.is_dir())]
    files = [p for folder in folders for p in folder.rglob("*") if venv not in p.parents or folder != REPO]
    files += [p for p in installed if p.is_file()]
    # A file with other hard links (a local `git clone` shares its objects with the source
    # repository) is visible under its other names, which are not the project's to hide.
    return {(p.stat().st_dev, p.stat().st_ino) for p in files
            if p.is_file() and not p.is_symlink() and p.stat().st_nlink == 1}


def test_no_file_of_the_project_is_visible_from_inside(client: WorkerClient) -> None:
    if not probe_confinement().namespaced:
        pytest.skip(f"no namespaces here: {probe_confinement().reason} (the report says so)")
    known = sorted(_project_files())
    assert len(known) > 100

    seen, found = client.call({"op": "call", "name": "visible", "args": [known], "kwargs": {}}).value

    assert seen > 1000, "the walk saw almost nothing: it proves nothing"
    assert found == [], f"files of the project are visible in the sandbox: {found[:20]}"


def test_the_walk_finds_project_files_when_nothing_hides_them() -> None:
    """The control: the same inode match, run outside the sandbox, finds the project."""
    known = _project_files()
    ours = REPO / "judge" / "sandbox" / "local" / "box.py"
    info = os.stat(ours)
    assert (info.st_dev, info.st_ino) in known


@pytest.fixture
def others() -> Iterator[Path]:
    """Another member's submissions, outside /tmp (the box has a private /tmp of its own)."""
    folder = Path(tempfile.mkdtemp(prefix="judge-test-others-", dir="/var/tmp"))
    (folder / "alice.py").write_text("the answer\n")
    os.chmod(folder, 0o755)
    os.chmod(folder / "alice.py", 0o644)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


READER = "def read(path):\n    try:\n        return open(path).read()\n    except OSError as exc:\n        return type(exc).__name__\n"


def _read_from_inside(path: Path, solution: Path) -> str:
    from judge.harness.run import default_hidden_paths

    limits = Limits()
    with LocalBackend().open(Job(solution, limits, (), default_hidden_paths(None))) as box:
        worker = WorkerClient(box, limits)
        worker.start()
        seen = worker.call({"op": "call", "name": "read", "args": [str(path)], "kwargs": {}}).value
        worker.close()
    return seen


@pytest.mark.parametrize("hidden", [True, False], ids=["named in JUDGE_HIDE", "control: not named"])
def test_folders_named_in_judge_hide_are_hidden(hidden: bool, others: Path, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """`judge grade` hides the graded tree this way: no solution reads another's."""
    if not probe_confinement().namespaced:
        pytest.skip(f"no namespaces here: {probe_confinement().reason} (the report says so)")
    solution = tmp_path / "reader.py"
    solution.write_text(READER)
    monkeypatch.setenv("JUDGE_HIDE", str(others) if hidden else "")

    seen = _read_from_inside(others / "alice.py", solution)

    assert (seen != "the answer\n") if hidden else (seen == "the answer\n"), seen


def _box_folders() -> set[Path]:
    return set(Path(tempfile.gettempdir()).glob(f"judge-box-{os.getpid()}-*"))


def test_a_box_that_fails_to_open_leaves_no_folder(tmp_path: Path) -> None:
    before = _box_folders()
    with pytest.raises(FileNotFoundError):
        LocalBackend().open(Job(tmp_path / "deleted_meanwhile.py", Limits(), (), ()))
    assert _box_folders() == before


def test_a_box_whose_worker_fails_to_end_still_removes_its_folder(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    solution = tmp_path / "solution.py"
    solution.write_text("def f():\n    return 1\n")
    box = LocalBackend().open(Job(solution, Limits(), (), ()))
    worker = box.spawn()

    def fails() -> None:
        raise ChildProcessError("no child processes")  # what wait4 says of a worker reaped elsewhere

    monkeypatch.setattr(worker, "terminate", fails)
    with pytest.raises(ChildProcessError):
        box.close()
    assert not box.root.exists()
    monkeypatch.undo()
    worker.terminate()


SITE_PROBES = '''
import sys

def site_loaded():
    return "site" in sys.modules

def numpy_imports():
    import numpy
    return numpy.__name__
'''


@pytest.mark.parametrize("allowed", [(), ("numpy",)], ids=["no module allowed", "numpy allowed"])
def test_site_packages_load_only_for_a_problem_that_allows_a_module(allowed: tuple[str, ...],
                                                                    tmp_path: Path) -> None:
    """Without them a worker starts 20 ms sooner; a problem that allows numpy still gets it."""
    solution = tmp_path / "site_probes.py"
    solution.write_text(SITE_PROBES)
    limits = Limits(time_per_call_s=60)
    with LocalBackend().open(Job(solution, limits, allowed, (PROBLEMS_ROOT,))) as box:
        worker = WorkerClient(box, limits)
        worker.start()
        loaded = worker.call({"op": "call", "name": "site_loaded", "args": [], "kwargs": {}}).value
        imported = worker.request({"op": "call", "name": "numpy_imports", "args": [], "kwargs": {}})
        worker.close()
    assert loaded is bool(allowed)
    if allowed:
        assert imported["ok"] and imported["value"] == "numpy", imported
    else:  # the import guard's refusal, as before: not a missing module
        assert imported["error"]["type"] == "ForbiddenImport", imported
