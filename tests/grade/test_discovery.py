"""Discovery: which files of a group's tree are cells, which are not and why."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from judge.errors import UsageError
from judge.grade.discovery import MAX_SOLUTION_BYTES, discover
from judge.grade.roster import DEFAULT_POINTS
from judge.tomlfile import line_of_key

SLUGS = ["is_subsequence", "top_n_words", "weekly_buckets"]
GOOD = "def is_subsequence(s, t):\n    return True\n"


def _write(root: Path, relative: str, content: str | bytes = GOOD) -> Path:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content if isinstance(content, bytes) else content.encode())
    return path


def _cells(found) -> list[tuple[str, str]]:
    return [(s.member, s.slug) for s in found.submissions]


def test_default_layout_finds_member_folders_and_problem_files(tmp_path: Path) -> None:
    _write(tmp_path, "bob/top_n_words.py")
    _write(tmp_path, "alice/is_subsequence.py")
    _write(tmp_path, "alice/top_n_words.py")
    _write(tmp_path, ".git/is_subsequence.py")  # hidden folders are no members
    _write(tmp_path, "README.md", "# group\n")

    found = discover(tmp_path, SLUGS)

    assert found.members == ["alice", "bob"]
    assert _cells(found) == [("alice", "is_subsequence"), ("alice", "top_n_words"), ("bob", "top_n_words")]
    assert found.problems == ["is_subsequence", "top_n_words"]
    assert all(s.points == DEFAULT_POINTS and s.unjudgeable is None for s in found.submissions)
    assert found.not_graded == [] and found.missing == []


def test_a_file_named_for_no_problem_is_listed_with_the_reason(tmp_path: Path) -> None:
    _write(tmp_path, "alice/is_subsequense.py")
    _write(tmp_path, "alice/helpers.py")

    found = discover(tmp_path, SLUGS)

    assert found.submissions == []
    reasons = {item.path.name: item.reason for item in found.not_graded}
    assert "did you mean 'is_subsequence'" in reasons["is_subsequense.py"]
    assert "'helpers' is not a problem" in reasons["helpers.py"]


def test_member_and_problem_filters(tmp_path: Path) -> None:
    for member in ("alice", "bob"):
        for slug in ("is_subsequence", "top_n_words"):
            _write(tmp_path, f"{member}/{slug}.py")

    found = discover(tmp_path, SLUGS, members=["bob"], problems=["top_n_words"])

    assert _cells(found) == [("bob", "top_n_words")]
    assert found.not_graded == []  # filtered out is not "not graded"
    with pytest.raises(UsageError, match="unknown member 'carol'.*alice, bob"):
        discover(tmp_path, SLUGS, members=["carol"])
    with pytest.raises(UsageError, match="unknown problem 'nope'"):
        discover(tmp_path, SLUGS, problems=["nope"])


GROUP = """\
problems = ["is_subsequence", "weekly_buckets"]
default_points = 10

[points]
weekly_buckets = 30

[members]
alice = "work/alice"
bob = ["submissions/bob_*.py", "extra"]
"""


def test_group_file_names_members_places_problems_and_points(tmp_path: Path) -> None:
    _write(tmp_path, "judge-group.toml", GROUP)
    _write(tmp_path, "work/alice/is_subsequence.py")
    _write(tmp_path, "work/alice/top_n_words.py")  # a problem, but not assigned: not listed
    _write(tmp_path, "submissions/bob_x/weekly_buckets.py")  # in no place of bob's: not his
    _write(tmp_path, "submissions/bob_weekly.py")  # matched by the glob, named for no problem
    _write(tmp_path, "extra/weekly_buckets.py")
    _write(tmp_path, "carol/is_subsequence.py")  # not in the roster

    found = discover(tmp_path, SLUGS)

    assert found.members == ["alice", "bob"]
    assert _cells(found) == [("alice", "is_subsequence"), ("bob", "weekly_buckets")]
    assert [s.points for s in found.submissions] == [10.0, 30.0]
    assert found.problems == ["is_subsequence", "weekly_buckets"]
    assert ("alice", "weekly_buckets") in found.missing and ("bob", "is_subsequence") in found.missing
    assert [item.path.name for item in found.not_graded] == ["bob_weekly.py"]


@pytest.mark.parametrize("text, line, key, what", [
    ('problems = ["is_subsequence"]\n\n[points]\nis_subsequence = "ten"\n', 4, "points.is_subsequence",
     "a positive number"),
    ('problems = "some"\n', 1, "problems", '"all" or a non-empty list'),
    ('problems = ["is_subsequence", "nope"]\n', 1, "problems", "a list of known problems"),
    ("[members]\nalice = 'a'\nbob = '../elsewhere'\n", 3, "members.bob", "no '..'"),
    ("[memebers]\nalice = 'a'\n", 1, "memebers", "an unknown key"),
    ("default_points = 5\n[members]\nalice = 'a'\nbob = \n", 4, "bob", "not valid TOML"),
])
def test_a_malformed_group_file_names_file_line_and_key(tmp_path: Path, text: str, line: int, key: str,
                                                       what: str) -> None:
    path = _write(tmp_path, "judge-group.toml", text)
    with pytest.raises(UsageError) as caught:
        discover(tmp_path, SLUGS)
    message = str(caught.value)
    assert message.startswith(f"{path}, line {line}, key '{key}'"), message
    assert what in message


def test_line_of_key_finds_quoted_keys_under_their_table() -> None:
    text = '[points]\n"top_n_words" = 1\n[members]\ntop_n_words = "x"\n'
    assert line_of_key(text, "points", "top_n_words") == 2
    assert line_of_key(text, "members", "top_n_words") == 4
    assert line_of_key(text, "members", "absent") == 3


@pytest.mark.parametrize("content, says", [
    (b"", "the file is empty"),
    (b"def is_subsequence(s, t):\n    return '\xff'\n", "is not UTF-8 text"),
    (b"#" * (MAX_SOLUTION_BYTES + 1), "over the 1 MiB"),
])
def test_files_that_cannot_be_judged_get_a_compile_error_message(tmp_path: Path, content: bytes,
                                                                 says: str) -> None:
    _write(tmp_path, "alice/is_subsequence.py", content)
    (submission,) = discover(tmp_path, SLUGS).submissions
    assert submission.unjudgeable is not None and says in submission.unjudgeable
    assert str(submission.path) in submission.unjudgeable


def test_unreadable_links_and_fifos_get_a_message_never_a_crash(tmp_path: Path) -> None:
    (tmp_path / "alice").mkdir()
    os.symlink(tmp_path / "nowhere.py", tmp_path / "alice" / "is_subsequence.py")
    os.mkfifo(tmp_path / "alice" / "top_n_words.py")  # opening it would block for ever

    found = discover(tmp_path, SLUGS)

    reasons = {s.slug: s.unjudgeable for s in found.submissions}
    assert "symbolic link" in reasons["is_subsequence"]
    assert "not a regular file" in reasons["top_n_words"]
