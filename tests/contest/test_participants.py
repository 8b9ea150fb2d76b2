"""Participants of a served contest: tokens kept as hashes, own windows, and the migration that adds them."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from judge.contest.model import ContestRules
from judge.contest.owner import current_owner
from judge.contest.participants import (
    board_attempts,
    check_participant_can_submit,
    find_by_token,
    new_token,
    token_hash,
    window_of,
)
from judge.contest.store import APPLICATION_ID, MIGRATIONS, ContestStore, Participant
from judge.errors import UsageError

START = 1_750_000_000.0
RULES = ContestRules(name="cup", problems=("a", "b"), duration_s=3600, format="icpc")


def _participant(name: str, token: str = "", window_s: int | None = None, started_at: float | None = None):
    return Participant("cup", name, token_hash(token or name), window_s, started_at, START)


def test_a_token_is_found_by_its_hash_only():
    ana, bo = new_token(), new_token()
    people = [_participant("ana", ana), _participant("bo", bo)]
    assert ana != bo and len(ana) >= 43
    assert find_by_token(people, bo).name == "bo"
    assert find_by_token(people, bo[:-1]) is None
    assert find_by_token(people, token_hash(bo)) is None  # the stored hash is no token


@pytest.fixture
def store(tmp_path: Path):
    with ContestStore(tmp_path / "c.sqlite3") as opened:
        opened.create_contest(RULES, START - 60)
        opened.start("cup", START)
        yield opened


def test_a_window_starts_at_the_first_start_and_ends_by_the_contests_end(store: ContestStore):
    store.add_participant("cup", "cy", token_hash("x"), 1800, START)
    assert store.start_participant("cup", "cy", START + 3000)
    assert not store.start_participant("cup", "cy", START + 3100)  # a start never moves
    record, (cy,) = store.contest("cup"), store.participants("cup")
    window = window_of(record, cy)
    assert (window.starts_at, window.ends_at) == (START + 3000, START + 3600)  # cut by the contest's end
    check_participant_can_submit(record, cy, "a", START + 3599)
    with pytest.raises(UsageError, match="over"):
        check_participant_can_submit(record, cy, "a", START + 3600)


def test_a_window_not_started_refuses_submissions(store: ContestStore):
    store.add_participant("cup", "cy", token_hash("x"), 1800, START)
    with pytest.raises(UsageError, match="has not started"):
        check_participant_can_submit(store.contest("cup"), store.participants("cup")[0], "a", START + 10)


def test_windowed_times_count_from_the_participants_own_start(store: ContestStore):
    store.add_participant("cup", "cy", token_hash("x"), 1800, START)
    store.add_participant("cup", "di", token_hash("y"), None, START)
    store.start_participant("cup", "cy", START + 600)
    owner = current_owner()
    for who in ("cy", "di"):
        store.add_submission("cup", who, "a", "a.py", b"x = 1\n", START + 700, {}, owner)
    shown = board_attempts(store.contest("cup"), store.submissions("cup"), store.participants("cup"),
                           START + 800, viewer=None)
    assert {a.participant: a.at_s for a in shown} == {"cy": 100, "di": 700}


def test_a_database_from_before_participants_migrates_and_keeps_its_contests(tmp_path: Path):
    path = tmp_path / "old.sqlite3"
    with sqlite3.connect(path) as connection:  # what the first released schema left on disk
        connection.executescript(MIGRATIONS[0])
        connection.execute("INSERT INTO contests (name, problems, duration_s, format, feedback, created_at)"
                           " VALUES ('old', '[\"a\"]', 600, 'icpc', 'full', 1.0)")
        connection.execute("PRAGMA user_version = 1")
        connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    with ContestStore(path) as store:
        assert store.schema_version == len(MIGRATIONS) >= 2
        assert store.contest("old").rules.problems == ("a",)
        store.add_participant("old", "ana", token_hash("t"), None, 2.0)
        assert [p.name for p in store.participants("old")] == ["ana"]


def test_a_participant_name_is_unique_per_contest(store: ContestStore):
    store.add_participant("cup", "ana", token_hash("1"), None, START)
    with pytest.raises(UsageError, match="already has a participant named 'ana'"):
        store.add_participant("cup", "ana", token_hash("2"), None, START)
