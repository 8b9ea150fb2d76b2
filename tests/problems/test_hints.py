"""Hints: three levels per problem, read with line-numbered errors, never the reference's code."""

from __future__ import annotations

from pathlib import Path

import pytest

from judge.authoring.check import check_hints
from judge.errors import ProblemConfigError
from judge.problems import ProblemSet
from judge.problems.hints import read_hints
from tests.conftest import PROBLEMS_ROOT

GOOD = "## 1. The idea\n\nLook once.\n\n## 2. The approach\n\nOne pass, O(n).\n\n## 3. The outline\n\n1. Scan.\n"


def _write(tmp_path: Path, text: str) -> Path:
    (tmp_path / "hints.md").write_text(text)
    return tmp_path


def test_three_levels_are_read_in_order(tmp_path: Path):
    hints = read_hints(_write(tmp_path, GOOD))
    assert [(h.level, h.title, h.text) for h in hints] == [
        (1, "The idea", "Look once."), (2, "The approach", "One pass, O(n)."), (3, "The outline", "1. Scan.")]


@pytest.mark.parametrize(("text", "error"), [
    (GOOD.replace("## 2. The approach", "## 2. How"), "line 5: '## 2. How' where '## 2. The approach' belongs"),
    (GOOD.replace("One pass, O(n).", ""), "'## 2. The approach' has no text"),
    (GOOD.split("## 3.")[0], "2 of the 3 levels"),
    ("Intro.\n" + GOOD, "line 1: text before '## 1. The idea'"),
    (GOOD + "\n## 4. The answer\n\nx\n", "'## 4. The answer' where no fourth level belongs"),
])
def test_a_malformed_file_is_an_error_naming_it_and_the_line(tmp_path: Path, text: str, error: str):
    with pytest.raises(ProblemConfigError, match="hints.md") as raised:
        read_hints(_write(tmp_path, text))
    assert error in str(raised.value)


def test_every_shipped_problem_has_three_levels_of_hints_that_pass_the_check():
    problems = ProblemSet(PROBLEMS_ROOT)
    failing = {slug: check.detail for slug in problems.slugs() if not (check := check_hints(problems.get(slug))).passed}
    assert failing == {}


def test_a_hint_with_code_or_the_references_lines_fails_the_check(tmp_path: Path):
    problem = ProblemSet(PROBLEMS_ROOT).get("is_subsequence")
    folder = tmp_path / "is_subsequence"
    folder.mkdir()
    line = next(line.strip() for line in problem.reference_path.read_text().splitlines() if len(line.strip()) >= 24)
    (folder / "reference.py").write_text(problem.reference_path.read_text())
    moved = type(problem)(**{**problem.__dict__, "directory": folder})
    _write(folder, GOOD.replace("1. Scan.", "```\nfor c in s: pass\n```"))
    assert "code block" in check_hints(moved).detail
    _write(folder, GOOD.replace("1. Scan.", f"1. {line}\n{line}"))
    assert "copies the reference" in check_hints(moved).detail


def test_judge_hint_shows_one_level_and_points_to_the_next(run_cli):
    slug = ProblemSet(PROBLEMS_ROOT).slugs()[0]
    result = run_cli("hint", slug)
    assert result.exit_code == 0
    assert "Hint 1 of 3: The idea" in result.stdout and f"judge hint {slug} 2" in result.stdout
    last = run_cli("hint", slug, "3")
    assert "Hint 3 of 3: The outline" in last.stdout and "Still stuck" not in last.stdout
