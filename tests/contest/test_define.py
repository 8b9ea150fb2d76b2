"""Defining a contest: flags and contest.toml, and every mistake a usage error saying what is wrong."""

from __future__ import annotations

import pytest

from judge.contest.define import format_duration, parse_duration
from judge.errors import UsageError
from tests.contest.conftest import Round


@pytest.mark.parametrize(("text", "seconds"), [("45m", 2700), ("1h30m", 5400), ("90s", 90), ("1h", 3600),
                                               ("2m30s", 150)])
def test_durations(text: str, seconds: int):
    assert parse_duration(text) == seconds
    assert parse_duration(format_duration(seconds)) == seconds


@pytest.mark.parametrize("text", ["0m", "0s", "-5m", "45", "forty", "", "5 minutes"])
def test_zero_negative_or_unparsable_durations_are_refused(text: str):
    with pytest.raises(UsageError, match="duration"):
        parse_duration(text)


def create(round_: Round, *args: str):
    return round_.judge("contest", "create", *args)


@pytest.mark.parametrize(("args", "message"), [
    (["--problems", "is_subsequence,nope", "--duration", "45m", "--format", "icpc"],
     "unknown problem 'nope'; the problems are: ab_test, adam_optimizer,"),
    (["--problems", "is_subsequence", "--duration", "0m", "--format", "icpc"], "duration '0m' is zero"),
    (["--problems", "is_subsequence", "--duration", "-10m", "--format", "icpc"], "'-10m' is not a duration"),
    (["--problems", "is_subsequence", "--duration", "soon", "--format", "icpc"], "'soon' is not a duration"),
    (["--problems", "is_subsequence", "--duration", "45m", "--format", "icpc", "--freeze", "45m"],
     "freeze '45m' is not shorter than the round ('45m')"),
    (["--problems", "is_subsequence", "--duration", "45m", "--format", "codeforces"],
     "unknown scoring format 'codeforces'; the formats are: atcoder, icpc, ioi, leetcode"),
    (["--problems", "is_subsequence", "--duration", "45m"], "a contest needs a scoring format"),
    (["--duration", "45m", "--format", "icpc"], "a contest needs problems"),
])
def test_create_refuses_what_is_wrong_and_says_what(round_: Round, args: list[str], message: str):
    outcome = create(round_, "mock", *args)
    assert outcome.exit_code == 2
    assert message in outcome.stderr
    assert "Traceback" not in outcome.stderr


def test_a_duplicate_name_is_refused(round_: Round):
    round_.create()
    outcome = create(round_, "mock", "--problems", "is_subsequence", "--duration", "30m", "--format", "ioi")
    assert outcome.exit_code == 2 and "a contest named 'mock' already exists" in outcome.stderr


def test_a_contest_file(round_: Round):
    path = round_.folder / "contest.toml"
    path.write_text('name = "weekly"\nproblems = ["top_n_words", "is_subsequence"]\nduration = "1h"\n'
                    'format = "ioi"\nfeedback = "verdict"\nfreeze = "10m"\n\n[points]\ntop_n_words = 300\n')
    assert create(round_, "--from", str(path)).exit_code == 0
    listed = round_.judge("contest", "list").stdout
    assert "weekly" in listed and "1h00m" in listed and "verdict" in listed
    assert "300" in round_.judge("contest", "start", "weekly").stdout


@pytest.mark.parametrize(("text", "message"), [
    ('problems = ["is_subsequence"]\nduration = "45m"\nformat = "icpc"\ncolour = "blue"\n',
     "line 4, key 'colour': an unknown key"),
    ('problems = ["is_subsequence"]\nduration = 45\nformat = "icpc"\n', "line 2, key 'duration': a string"),
    ('problems = "is_subsequence"\nduration = "45m"\nformat = "icpc"\n', "line 1, key 'problems': a list"),
    ('problems = ["is_subsequence"]\nduration = "45m"\nformat = "icpc"\n[points]\nis_subsequence = -1\n',
     "line 5, key 'points.is_subsequence': a positive whole number"),
])
def test_a_malformed_contest_file_names_file_line_and_key(round_: Round, text: str, message: str):
    path = round_.folder / "contest.toml"
    path.write_text(text)
    outcome = create(round_, "mock", "--from", str(path))
    assert outcome.exit_code == 2
    assert f"{path}, {message}" in " ".join(outcome.stderr.split())  # the console wraps long lines


def test_from_a_file_and_flags_together_is_refused(round_: Round):
    path = round_.folder / "contest.toml"
    path.write_text('problems = ["is_subsequence"]\nduration = "45m"\nformat = "icpc"\n')
    outcome = create(round_, "mock", "--from", str(path), "--duration", "30m")
    assert outcome.exit_code == 2 and "drop --duration" in outcome.stderr


def test_a_wrong_value_in_a_contest_file_names_the_file(round_: Round):
    path = round_.folder / "contest.toml"
    path.write_text('problems = ["is_subsequence"]\nduration = "45m"\nformat = "icpc"\nfeedback = "loud"\n')
    outcome = create(round_, "mock", "--from", str(path))
    assert outcome.exit_code == 2
    assert f"{path}: unknown feedback mode 'loud'; the modes are: full, verdict, hidden." in " ".join(
        outcome.stderr.split())
