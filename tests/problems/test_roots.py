"""Where problems come from: the shipped ones, plus folders named in $JUDGE_PROBLEMS."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from rich.console import Console

from judge.cli import cli
from judge.cli.environment import Environment
from judge.errors import UsageError
from judge.problems import ProblemSet, problem_roots, shipped
from tests.conftest import PROBLEMS_ROOT


def _own_problem(folder: Path, slug: str, title: str) -> None:
    shutil.copytree(PROBLEMS_ROOT / "is_subsequence", folder / slug, ignore=shutil.ignore_patterns("corpus"))
    toml = folder / slug / "problem.toml"
    toml.write_text(toml.read_text().replace('title = "', f'title = "{title} ', 1))


def test_judge_problems_adds_folders_and_can_replace_a_shipped_problem(tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    ours = tmp_path / "ours"
    _own_problem(ours, "is_subsequence_again", "Ours:")
    _own_problem(ours, "is_subsequence", "Replaced:")
    monkeypatch.setenv("JUDGE_PROBLEMS", str(ours))

    problems = ProblemSet(*problem_roots())

    assert problems.roots == (ours.resolve(), shipped("judge.problem_set").resolve())
    assert {"is_subsequence_again", "top_n_words", "is_subsequence"} <= set(problems.slugs())
    assert problems.get("is_subsequence").title.startswith("Replaced:")
    assert problems.get("top_n_words").directory.parent == shipped("judge.problem_set").resolve()


def test_a_missing_folder_in_judge_problems_is_a_usage_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JUDGE_PROBLEMS", str(tmp_path / "nowhere"))
    with pytest.raises(UsageError, match="named in JUDGE_PROBLEMS"):
        problem_roots()


def test_init_copies_the_starter_of_a_problem_from_judge_problems(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    ours = tmp_path / "ours"
    _own_problem(ours, "is_subsequence_again", "Ours:")
    (ours / "is_subsequence_again" / "starter.py").write_text("def is_subsequence(s, t):\n    ...  # ours\n")
    monkeypatch.setenv("JUDGE_PROBLEMS", str(ours))
    quiet = Console(file=io.StringIO(), width=80)
    env = Environment(stdout=quiet, stderr=quiet, data_dir=tmp_path / "data")  # problems from problem_roots()

    result = CliRunner().invoke(cli, ["init", "is_subsequence_again", "--dir", str(tmp_path / "mine")], obj=env)

    assert result.exit_code == 0, quiet.file.getvalue()
    assert "# ours" in (tmp_path / "mine" / "is_subsequence_again.py").read_text()
