"""The cell cache: an unchanged tree regrades without running anything, a changed byte reruns
its cell only, and every input of the key invalidates it."""

from __future__ import annotations

import json
import os
import shutil
import sys
from pathlib import Path

import pytest

import judge
import judge.grade.cache as cache_module
import judge.grade.pool as pool_module
from judge.grade.cache import Cache, default_dir, judge_fingerprint
from judge.grade.discovery import Submission
from judge.grade.pool import Pool, RunOptions
from judge.problems import ProblemSet
from tests.conftest import PROBLEMS_ROOT
from tests.grade.test_batch import REFERENCE, WRONG, _write, group  # noqa: F401 (a fixture)

SETTINGS = ("local", "0", "True")


@pytest.fixture
def starts(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The members whose cell started a `judge run`, in order."""
    started: list[str] = []
    original = Pool._start

    def counting(self: Pool, submission: Submission, *args, **kwargs):
        started.append(submission.member)
        return original(self, submission, *args, **kwargs)

    monkeypatch.setattr(Pool, "_start", counting)
    return started


def test_a_regrade_of_an_unchanged_tree_judges_nothing(run_cli, group: Path, tmp_path: Path,  # noqa: F811
                                                       starts: list[str]) -> None:
    _write(group / "alice" / "is_subsequence.py", REFERENCE)
    _write(group / "bob" / "is_subsequence.py", WRONG)
    args = ("grade", str(group), "--sandbox", "local", "--no-complexity", "--cache-dir", "cache", "--json", "book.json")

    first = run_cli(*args)
    assert first.exit_code == 0, first.stderr
    assert sorted(starts) == ["alice", "bob"]
    before = json.loads((tmp_path / "book.json").read_text())

    starts.clear()
    second = run_cli(*args)
    assert second.exit_code == 0 and starts == [], second.stderr
    after = json.loads((tmp_path / "book.json").read_text())
    assert [(c["verdict"], c["points"], c["cached"]) for c in after["cells"]] == \
        [(c["verdict"], c["points"], True) for c in before["cells"]]
    assert after["cells"][1]["report"] == before["cells"][1]["report"]
    assert "bob/is_subsequence: wrong_answer (cached)" in second.stderr
    assert after["settings"]["cache"] == str(tmp_path / "cache")

    source = (group / "bob" / "is_subsequence.py").read_bytes()
    (group / "bob" / "is_subsequence.py").write_bytes(source[:-1] + b" ")  # one byte changed
    third = run_cli(*args)
    assert third.exit_code == 0 and starts == ["bob"], third.stderr

    starts.clear()
    assert run_cli(*args, "--no-cache").exit_code == 0
    assert sorted(starts) == ["alice", "bob"]
    assert json.loads((tmp_path / "book.json").read_text())["settings"]["cache"] is None


# ---- the key -----------------------------------------------------------------------------

@pytest.fixture
def problem_root(tmp_path: Path) -> Path:
    root = tmp_path / "problems"
    shutil.copytree(PROBLEMS_ROOT / "is_subsequence", root / "is_subsequence",
                    ignore=shutil.ignore_patterns("__pycache__"))
    return root


@pytest.fixture
def solution(tmp_path: Path) -> Submission:
    path = tmp_path / "alice" / "is_subsequence.py"
    path.parent.mkdir()
    path.write_text(REFERENCE)
    return Submission("alice", "is_subsequence", path, 100.0)


def _key(problem_root: Path, submission: Submission, settings: tuple[str, ...] = SETTINGS) -> str | None:
    return Cache(problem_root.parent / "cache", ProblemSet(problem_root)).key(submission, settings)


def test_each_input_of_the_key_invalidates_it(problem_root: Path, solution: Submission,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    base = _key(problem_root, solution)
    assert base is not None and base == _key(problem_root, solution)
    for settings in (("docker", "0", "True"), ("local", "1", "True"), ("local", "0", "False")):
        assert _key(problem_root, solution, settings) != base, settings

    (problem_root / "is_subsequence" / "hidden_tests.py").write_text(
        (problem_root / "is_subsequence" / "hidden_tests.py").read_text() + "\n# edited\n")
    edited_problem = _key(problem_root, solution)
    assert edited_problem != base

    monkeypatch.setattr(cache_module, "judge_fingerprint", lambda: "another judge")
    assert _key(problem_root, solution) not in (base, edited_problem)


def test_the_corpus_and_bytecode_of_a_problem_are_not_part_of_it(problem_root: Path, solution: Submission) -> None:
    base = _key(problem_root, solution)
    (problem_root / "is_subsequence" / "corpus" / "new_wrong.py").write_text("def is_subsequence(s, t): return 1\n")
    (problem_root / "is_subsequence" / "__pycache__").mkdir()
    (problem_root / "is_subsequence" / "__pycache__" / "reference.cpython-311.pyc").write_bytes(b"\0")
    assert _key(problem_root, solution) == base


def test_a_changed_judge_source_changes_the_judge_fingerprint(tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    package = tmp_path / "judge"
    shutil.copytree(Path(judge.__file__).parent, package, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(judge, "__file__", str(package / "__init__.py"))
    before = judge_fingerprint.__wrapped__()
    (package / "grade" / "pool.py").write_text((package / "grade" / "pool.py").read_text() + "\n# edited\n")
    assert judge_fingerprint.__wrapped__() != before
    monkeypatch.setattr(judge, "__version__", "9.9.9")
    assert judge_fingerprint.__wrapped__() != before


def test_an_unreadable_solution_has_no_key(problem_root: Path, solution: Submission) -> None:
    solution.path.unlink()
    assert _key(problem_root, solution) is None


# ---- storing -----------------------------------------------------------------------------

def test_reports_are_stored_whole_and_internal_errors_never(tmp_path: Path) -> None:
    cache = Cache(tmp_path / "cache", ProblemSet(tmp_path))
    cache.put("k1", {"verdict": "wrong_answer", "cases": []}, 1.5)
    cache.put("k2", {"verdict": "internal_error", "message": "a bug of ours"}, 1.0)
    assert cache.get("k1") == {"format": 1, "duration_s": 1.5, "report": {"verdict": "wrong_answer", "cases": []}}
    assert cache.get("k2") is None
    assert sorted(p.name for p in (tmp_path / "cache").iterdir()) == ["k1.json"]  # no temporary file left
    (tmp_path / "cache" / "k3.json").write_text('{"report": ')  # cut short by someone else: a miss
    assert cache.get("k3") is None


def test_a_cache_that_cannot_be_written_costs_nothing_but_time(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("")
    Cache(tmp_path / "file" / "cache", ProblemSet(tmp_path)).put("k", {"verdict": "accepted"}, 1.0)  # no error


def test_the_pool_never_stores_a_cell_the_judge_failed_on(problem_root: Path, solution: Submission,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pool_module, "command_for", lambda s, o: [sys.executable, "-c", "raise SystemExit(2)"])
    cache = Cache(problem_root.parent / "cache", ProblemSet(problem_root))
    outcomes = Pool(RunOptions("local"), jobs=1, cache=cache).run([solution])
    assert outcomes[0].verdict == "internal_error"
    assert not (problem_root.parent / "cache").exists()


def test_where_the_cache_lives(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("JUDGE_CACHE", str(tmp_path / "explicit"))
    assert default_dir() == tmp_path / "explicit"
    monkeypatch.delenv("JUDGE_CACHE")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert default_dir() == tmp_path / "xdg" / "judge" / "grade"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert default_dir() == tmp_path / "home" / ".cache" / "judge" / "grade"
    assert os.environ.get("JUDGE_CACHE") is None


def test_the_key_follows_the_folder_of_problems_the_run_uses(problem_root: Path, solution: Submission,
                                                              tmp_path: Path) -> None:
    first = tmp_path / "first"  # $JUDGE_PROBLEMS folders come first: a slug there hides the same one later
    first.mkdir()
    cache = Cache(tmp_path / "cache", ProblemSet(first, problem_root))
    from_second = cache.key(solution, SETTINGS)
    assert from_second == _key(problem_root, solution)

    shutil.copytree(problem_root / "is_subsequence", first / "is_subsequence")
    (first / "is_subsequence" / "reference.py").write_text("# another reference\n")
    assert Cache(tmp_path / "cache", ProblemSet(first, problem_root)).key(solution, SETTINGS) != from_second

    unknown = Submission("alice", "no_such_problem", solution.path, 100.0)
    assert cache.key(unknown, SETTINGS) is None
