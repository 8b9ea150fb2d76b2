"""Weekly due dates and the complexity penalty of judge-group.toml: the roster reads them,
discovery learns when each file was handed in (git, else mtime), the gradebook applies them."""

from __future__ import annotations

import datetime
import os
import subprocess
from pathlib import Path

import pytest

from judge.errors import UsageError
from judge.grade.deadlines import handed_in
from judge.grade.discovery import discover
from judge.grade.gradebook import build_gradebook
from judge.grade.pool import CellOutcome
from judge.grade.roster import load_roster
from judge.tomlfile import line_of_array_key

SLUGS = ["is_subsequence", "top_n_words", "weekly_buckets"]
UTC = datetime.UTC
WEEKS = """\
complexity_penalty = 0.5
late_keeps = 0.25

[[weeks]]
due = 2026-01-10T23:59:00Z
problems = ["is_subsequence"]

[[weeks]]
due = 2026-01-17T23:59:00+01:00
problems = ["top_n_words", "weekly_buckets"]
"""


def _group(tmp_path: Path, toml: str) -> Path:
    (tmp_path / "judge-group.toml").write_text(toml)
    return tmp_path


def _error(tmp_path: Path, toml: str) -> str:
    with pytest.raises(UsageError) as caught:
        load_roster(_group(tmp_path, toml), SLUGS)
    return str(caught.value)


def test_weeks_assign_the_problems_in_order_with_their_due_dates(tmp_path: Path) -> None:
    roster = load_roster(_group(tmp_path, WEEKS), SLUGS)
    assert roster.problems == ("is_subsequence", "top_n_words", "weekly_buckets")
    assert roster.due_for("is_subsequence") == datetime.datetime(2026, 1, 10, 23, 59, tzinfo=UTC)
    assert roster.due_for("weekly_buckets") == datetime.datetime(2026, 1, 17, 22, 59, tzinfo=UTC)
    assert (roster.complexity_penalty, roster.late_keeps) == (0.5, 0.25)


def test_without_the_keys_the_defaults_apply(tmp_path: Path) -> None:
    roster = load_roster(_group(tmp_path, 'problems = ["is_subsequence"]\n'), SLUGS)
    assert roster.due_for("is_subsequence") is None
    assert (roster.complexity_penalty, roster.late_keeps) == (0.25, 0.5)


@pytest.mark.parametrize("toml, where", [
    ("[[weeks]]\ndue = 2026-01-10T23:59:00\nproblems = ['is_subsequence']\n",
     "line 2, key 'weeks[1].due': a date-time with its time zone"),
    ("[[weeks]]\ndue = 2026-01-10T23:59:00Z\nproblems = ['is_subsequence']\n\n"
     "[[weeks]]\ndue = 2026-01-17T23:59:00Z\nproblems = ['top_n_words', 'is_subsequense']\n",
     "line 7, key 'weeks[2].problems': a list of known problems"),
    ("[[weeks]]\ndue = 2026-01-10T23:59:00Z\nproblems = ['is_subsequence']\n\n"
     "[[weeks]]\ndue = 2026-01-17T23:59:00Z\nproblems = ['is_subsequence']\n",
     "line 7, key 'weeks[2].problems': problems assigned in no other week"),
    ("[[weeks]]\nproblems = ['is_subsequence']\n", "line 1, key 'weeks[1].due'"),
    ("[[weeks]]\ndue = 2026-01-10T23:59:00Z\nproblem = ['is_subsequence']\n",
     "line 3, key 'weeks[1].problem': an unknown key"),
    ("problems = ['is_subsequence']\n[[weeks]]\ndue = 2026-01-10T23:59:00Z\nproblems = ['top_n_words']\n",
     "line 1, key 'problems': absent when [[weeks]] assign the problems"),
    ("weeks = 3\n", "line 1, key 'weeks': one or more [[weeks]] tables"),
    ("complexity_penalty = 25\n", "line 1, key 'complexity_penalty': a share between 0 and 1"),
    ("problems = 'all'\nlate_keeps = -0.1\n", "line 2, key 'late_keeps': a share between 0 and 1"),
])
def test_malformed_weeks_and_shares_name_file_line_and_key(tmp_path: Path, toml: str, where: str) -> None:
    message = _error(tmp_path, toml)
    assert message.startswith(f"{tmp_path / 'judge-group.toml'}, {where}")


def test_the_line_of_a_key_in_the_nth_array_table() -> None:
    text = "[[weeks]]\ndue = 1\n[points]\ndue = 2\n[[weeks]]\n\ndue = 3\n"
    assert [line_of_array_key(text, "weeks", i, "due") for i in (0, 1)] == [2, 7]
    assert line_of_array_key(text, "weeks", 1, "problems") == 5  # absent: the table's header


def _git(folder: Path, *args: str, when: str | None = None) -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    if when:
        env |= {"GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
    subprocess.run(["git", "-C", str(folder), *args], check=True, capture_output=True, env=env)


def _commit(folder: Path, relative: str, text: str, when: str) -> Path:
    path = folder / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    _git(folder, "add", relative)
    _git(folder, "commit", "-q", "-m", relative, when=when)
    return path


def test_a_committed_file_is_dated_by_its_last_commit_a_changed_one_by_its_mtime(tmp_path: Path) -> None:
    _git(tmp_path, "init", "-q")
    early = _commit(tmp_path, "ann/is_subsequence.py", "a = 1\n", "2026-01-09T10:00:00Z")
    _commit(tmp_path, "ann/is_subsequence.py", "a = 2\n", "2026-01-11T10:00:00+02:00")
    other = _commit(tmp_path, "bob/is_subsequence.py", "b = 1\n", "2026-01-12T10:00:00Z")
    other.write_text("b = 2\n")  # changed since its commit: no commit holds what is graded
    os.utime(other, (1_700_000_000, 1_700_000_000))
    untracked = tmp_path / "cy" / "is_subsequence.py"
    untracked.parent.mkdir()
    untracked.write_text("c = 1\n")

    times = handed_in(tmp_path, [early, other, untracked])

    assert times[early].at == datetime.datetime(2026, 1, 11, 8, 0, tzinfo=UTC) and times[early].source == "git"
    assert times[other].at == datetime.datetime.fromtimestamp(1_700_000_000, UTC)
    assert times[other].source == "mtime" and times[untracked].source == "mtime"


def test_outside_git_the_modification_time_decides(tmp_path: Path) -> None:
    path = tmp_path / "x.py"
    path.write_text("x = 1\n")
    os.utime(path, (1_800_000_000, 1_800_000_000))
    assert handed_in(tmp_path, [path])[path].at == datetime.datetime.fromtimestamp(1_800_000_000, UTC)


def _report(verdict: str, categories: list[str], worse: bool = False) -> dict:
    cases = [{"name": f"test_{c}", "category": c, "verdict": "accepted" if i else verdict}
             for i, c in enumerate(categories)]
    return {"verdict": verdict, "cases": cases, "complexity": {"worse_than_expected": worse} if worse else None}


def test_late_cells_keep_their_share_and_a_worse_complexity_costs_its_penalty(tmp_path: Path) -> None:
    _group(tmp_path, WEEKS)
    _git(tmp_path, "init", "-q")
    _commit(tmp_path, "ann/is_subsequence.py", "a = 1\n", "2026-01-10T23:58:00Z")  # on time
    _commit(tmp_path, "ann/top_n_words.py", "a = 1\n", "2026-01-17T23:00:00Z")  # 1 min late (due 22:59 UTC)
    _commit(tmp_path, "bob/is_subsequence.py", "b = 1\n", "2026-01-12T09:00:00Z")  # late
    found = discover(tmp_path, SLUGS)
    reports = {("ann", "is_subsequence"): _report("accepted", ["a", "b"], worse=True),
               ("ann", "top_n_words"): _report("accepted", ["a"]),
               ("bob", "is_subsequence"): _report("wrong_answer", ["a", "b"], worse=True)}
    outcomes = [CellOutcome(s, reports[s.member, s.slug]["verdict"], "", reports[s.member, s.slug], 1.0)
                for s in found.submissions]

    book = build_gradebook(found, outcomes, {})

    ann, ann_late, bob = (book.cell("ann", "is_subsequence"), book.cell("ann", "top_n_words"),
                          book.cell("bob", "is_subsequence"))
    assert (ann.late, ann.points) == (False, 50.0)  # accepted, worse complexity: half lost
    assert (ann_late.late, ann_late.points) == (True, 25.0)  # accepted, late: keeps a quarter
    assert (bob.late, bob.points) == (True, 6.25)  # 1 of 2 categories, worse, late: 100 * 0.5 * 0.5 * 0.25
    assert ann_late.due == "2026-01-17T22:59:00Z" and ann_late.handed_in == "2026-01-17T23:00:00Z"
    assert ann_late.handed_in_from == "git"
    assert [m["problem"] for m in book.missing if m["member"] == "bob"] == ["top_n_words", "weekly_buckets"]
