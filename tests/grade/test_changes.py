"""`--changed-since REF`: a pull request's batch grades only the files it touched."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from judge.errors import UsageError
from judge.grade.changes import changed_files
from tests.conftest import PROBLEMS_ROOT

REFERENCE = (PROBLEMS_ROOT / "is_subsequence" / "reference.py").read_text()


def _git(folder: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.invalid", *args], cwd=folder,
                   check=True, capture_output=True)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A group's repository: alice and bob committed, then bob edits, carol adds a new file."""
    group = tmp_path / "group"
    for member in ("alice", "bob"):
        (group / member).mkdir(parents=True)
        (group / member / "is_subsequence.py").write_text(REFERENCE)
    _git(group, "init", "-q")
    _git(group, "add", ".")
    _git(group, "commit", "-q", "-m", "base")
    (group / "bob" / "is_subsequence.py").write_text(REFERENCE + "\n# bob's change\n")
    (group / "carol").mkdir()
    (group / "carol" / "is_subsequence.py").write_text(REFERENCE)
    return group


def test_changed_files_are_the_diff_and_the_new_files(repo: Path) -> None:
    assert changed_files(repo, "HEAD") == {(repo / "bob" / "is_subsequence.py").resolve(),
                                           (repo / "carol" / "is_subsequence.py").resolve()}


def test_a_batch_since_a_ref_grades_only_what_changed(run_cli, repo: Path, tmp_path: Path) -> None:
    result = run_cli("grade", str(repo), "--changed-since", "HEAD", "--sandbox", "local", "--no-complexity",
                     "--json", str(tmp_path / "book.json"))
    assert result.exit_code == 0, result.stderr
    cells = json.loads((tmp_path / "book.json").read_text())["cells"]
    assert sorted(c["member"] for c in cells) == ["bob", "carol"]


def test_an_unknown_ref_is_a_usage_error(repo: Path) -> None:
    with pytest.raises(UsageError, match="--changed-since no-such-ref"):
        changed_files(repo, "no-such-ref")


def test_outside_a_repository_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="git rev-parse"):
        changed_files(tmp_path, "HEAD")
