"""`judge list`: problems by topic and difficulty, with their follow-up question, in 80 columns."""

from __future__ import annotations

import io
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from rich.console import Console

from judge.cli import cli
from judge.cli.environment import Environment
from judge.problems import ProblemSet
from tests.conftest import PROBLEMS_ROOT

LONG_SLUG = "an_uncommonly_long_problem_name_x"


def _list(tmp_path: Path, width: int = 80, problems_root: Path | None = PROBLEMS_ROOT) -> str:
    out = io.StringIO()
    env = Environment(stdout=Console(file=out, width=width, color_system=None), stderr=Console(file=io.StringIO()),
                      data_dir=tmp_path / "data", problems_root=problems_root)
    result = CliRunner().invoke(cli, ["list"], obj=env)
    assert result.exit_code == 0, result.output
    return out.getvalue()


def _row_of(listed: str, slug: str) -> str:
    return next(line for line in listed.splitlines() if re.search(rf"(?<!\w){slug}(?!\w)", line))


def test_every_line_fits_80_columns_and_every_slug_is_whole(tmp_path: Path):
    listed = _list(tmp_path)
    assert max(len(line) for line in listed.splitlines()) <= 80
    for slug in ProblemSet(PROBLEMS_ROOT).slugs():
        row = _row_of(listed, slug)  # the slug as a whole word, with its difficulty beside it
        assert ProblemSet(PROBLEMS_ROOT).get(slug).difficulty in row


def test_problems_are_grouped_by_topic_then_difficulty(tmp_path: Path):
    listed = _list(tmp_path)
    problems = ProblemSet(PROBLEMS_ROOT)
    lines = listed.splitlines()
    rank = {"easy": 0, "medium": 1, "hard": 2}
    for topic in {problems.get(slug).topic for slug in problems.slugs()}:
        start = next(i for i, line in enumerate(lines) if line.strip() == topic)
        members = sorted((p for p in map(problems.get, problems.slugs()) if p.topic == topic),
                         key=lambda p: (rank[p.difficulty], p.slug))
        rows = [next(i for i, line in enumerate(lines) if re.search(rf"(?<!\w){p.slug}(?!\w)", line))
                for p in members]
        assert start < rows[0] and rows == sorted(rows), f"{topic}: not grouped in difficulty order"


def test_each_problem_shows_its_follow_up_question(tmp_path: Path):
    flowing = " ".join(_list(tmp_path).split())  # follow-ups wrap beside the slugs
    for slug in ProblemSet(PROBLEMS_ROOT).slugs():
        follow_up = ProblemSet(PROBLEMS_ROOT).get(slug).follow_up
        assert follow_up, f"{slug}: problem.toml has no follow_up"
        assert f"follow-up: {follow_up}" in flowing


def test_a_long_slug_from_judge_problems_stays_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    ours = tmp_path / "ours"
    shutil.copytree(PROBLEMS_ROOT / "is_subsequence", ours / LONG_SLUG, ignore=shutil.ignore_patterns("corpus"))
    monkeypatch.setenv("JUDGE_PROBLEMS", str(ours))
    listed = _list(tmp_path, problems_root=None)
    assert max(len(line) for line in listed.splitlines()) <= 80
    assert _row_of(listed, LONG_SLUG)
    assert _row_of(listed, "gradient_boosting")


def test_a_broken_problem_is_listed_with_why_and_hides_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    ours = tmp_path / "ours"
    shutil.copytree(PROBLEMS_ROOT / "is_subsequence", ours / "broken_one", ignore=shutil.ignore_patterns("corpus"))
    toml = ours / "broken_one" / "problem.toml"
    toml.write_text(toml.read_text().replace("difficulty = ", "dificulty = "))
    monkeypatch.setenv("JUDGE_PROBLEMS", str(ours))
    listed = _list(tmp_path, problems_root=None)
    broken = listed[listed.index("broken"):]
    assert "broken_one" in broken and "unknown key 'dificulty'" in " ".join(broken.split())
    assert _row_of(listed, "top_n_words")
