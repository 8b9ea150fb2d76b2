"""Data the hidden tests build from fixed seeds is built once per machine, and no solution sees it."""

from __future__ import annotations

import json
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from judge.harness import kept_data
from judge.harness.kept_data import kept, kept_for
from judge.harness.run import judge_solution
from judge.sandbox.local import LocalBackend


@pytest.fixture
def sources(tmp_path: Path) -> tuple[Path, Path]:
    hidden, reference = tmp_path / "hidden_tests.py", tmp_path / "reference.py"
    hidden.write_text("# the hidden tests\n")
    reference.write_text("# the reference\n")
    return hidden, reference


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    path = tmp_path / "kept"
    path.mkdir(mode=0o700)
    return path


class Builds:
    """A deterministic builder that counts how often it really ran."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, size: int = 3) -> dict:
        self.count += 1
        return {"items": list(range(size)), "text": "é" * size, "nan": float("nan")}


def _a_run(builds: Builds):
    """What each run sees: the hidden tests' module imported afresh, so a new decorated function."""
    def large(size: int = 3) -> dict:
        return builds(size)

    return kept(large)


def test_a_kept_value_is_built_once_then_loaded_at_every_later_run(sources, folder):
    builds = Builds()
    with kept_for("demo", sources, folder):
        first_run = _a_run(builds)
        value = first_run()
        assert first_run() is value  # within a run, from memory
        assert builds.count == 1
        later = _a_run(builds)()
    assert builds.count == 1, "a later run built the value again"
    assert later["items"] == value["items"] and later["text"] == value["text"]
    assert later["nan"] != later["nan"]  # NaN stays NaN
    assert len(list(folder.glob("demo.*.pickle"))) == 1


def test_editing_the_hidden_tests_or_the_reference_builds_afresh_and_drops_the_old_entry(sources, folder):
    builds = Builds()
    for edited in sources:
        with kept_for("demo", sources, folder):
            _a_run(builds)()
        edited.write_text(edited.read_text() + "# edited\n")
    with kept_for("demo", sources, folder):
        _a_run(builds)()
    assert builds.count == 3
    assert len(list(folder.glob("demo.*.pickle"))) == 1


def test_each_argument_has_an_entry_of_its_own(sources, folder):
    builds = Builds()
    with kept_for("demo", sources, folder):
        assert _a_run(builds)(2)["items"] == [0, 1]
        assert _a_run(builds)(4)["items"] == [0, 1, 2, 3]
        assert _a_run(builds)(2)["items"] == [0, 1]
    assert builds.count == 2


def test_a_damaged_entry_is_built_again(sources, folder):
    builds = Builds()
    with kept_for("demo", sources, folder):
        _a_run(builds)()
        [entry] = folder.glob("demo.*.pickle")
        entry.write_bytes(b"not a pickle")
        assert _a_run(builds)()["items"] == [0, 1, 2]
    assert builds.count == 2


def test_without_a_folder_a_value_lasts_one_run(sources):
    builds = Builds()
    with kept_for("demo", sources, None):
        run = _a_run(builds)
        run()
        run()
        _a_run(builds)()
    assert builds.count == 2


def test_the_folder_is_made_private_and_refused_when_others_can_write_to_it(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    path = kept_data.folder()
    assert path == tmp_path / "cache" / "judge" / "kept"
    assert path.stat().st_mode & 0o777 == 0o700
    path.chmod(0o777)  # anyone could plant a pickle there, which loading would run
    assert kept_data.folder() is None


@pytest.fixture
def outside_tmp() -> Iterator[Path]:
    """A folder outside /tmp, which every sandbox replaces with a fresh one of its own."""
    path = Path(tempfile.mkdtemp(dir="/var/tmp", prefix="judge-test-"))
    path.chmod(0o755)  # what the sandbox sees of it is up to the hiding alone
    try:
        yield path
    finally:
        shutil.rmtree(path)


def test_a_run_keeps_its_large_inputs_where_no_solution_can_read_them(problems, outside_tmp, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(outside_tmp / "cache"))
    top_n_words = problems.get("top_n_words")
    result = judge_solution(top_n_words, top_n_words.reference_path, LocalBackend(), measure_complexity=False)
    assert result.verdict.value == "accepted"
    folder = outside_tmp / "cache" / "judge" / "kept"
    assert sorted(entry.name.split(".")[1] for entry in folder.glob("*.pickle")) == ["_large_text",
                                                                                    "_large_text_ranking"]
    # Readable by anyone but for the hiding: a right solution, but for what it does when it sees them.
    for path in (folder, *folder.iterdir()):
        path.chmod(0o755 if path.is_dir() else 0o644)
    is_subsequence = problems.get("is_subsequence")
    peeking = outside_tmp / "peeking.py"
    peeking.write_text(
        "import os\n"
        "try:\n"
        f"    seen = os.listdir({json.dumps(str(folder))})\n"
        "except OSError:\n"
        "    seen = []\n"
        "if seen:\n"
        "    raise RuntimeError(f'saw {seen}')\n"
        + is_subsequence.reference_path.read_text()
    )
    peeked = judge_solution(is_subsequence, peeking, LocalBackend(), measure_complexity=False)
    assert peeked.verdict.value == "accepted", peeked.message


def test_a_value_that_cannot_be_saved_is_still_returned(sources, folder):
    with kept_for("demo", sources, folder):
        assert kept(lambda: (lambda: 1))()() == 1  # pickle refuses a lambda
    assert not list(folder.iterdir()), "a partial entry or its temporary file was left"
