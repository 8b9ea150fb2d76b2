"""The contest database: WAL, a versioned schema, and files it must refuse without touching them."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from pathlib import Path

import pytest

from judge.contest.model import ContestRules
from judge.contest.owner import Owner, current_owner
from judge.contest.store import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION, ContestStore, Judgement, StoreError
from judge.verdicts import Verdict
from tests.contest.conftest import START, Round

RULES = ContestRules("mock", ("is_subsequence",), 2700, "icpc")


def test_a_new_database_is_wal_versioned_and_marked_as_ours(tmp_path: Path):
    path = tmp_path / "c.sqlite3"
    with ContestStore(path):
        pass
    with sqlite3.connect(path) as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert connection.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID


def test_the_default_database_lives_in_the_data_folder(round_: Round):
    env_db = round_.folder / "data" / "contests.sqlite3"
    outcome = round_.judge("contest", "list")  # with --db, as every Round command
    assert outcome.exit_code == 0 and not env_db.exists()
    from judge.cli.contest import database_path
    from judge.cli.environment import Environment

    env = Environment.from_os()
    env.data_dir = round_.folder / "elsewhere"
    assert database_path(env, None) == round_.folder / "elsewhere" / "contests.sqlite3"


def test_a_submission_is_committed_pending_then_judged_once(tmp_path: Path):
    owner = current_owner()
    with ContestStore(tmp_path / "c.sqlite3") as store:
        store.create_contest(RULES, 1.0)
        item = store.add_submission("mock", "ana", "is_subsequence", "a.py", b"x = 1\n", 2.0, {}, owner)
        assert (item.state, item.source, item.sha256) == ("pending", b"x = 1\n", hashlib.sha256(b"x = 1\n").hexdigest())
        assert store.claim(item, owner)
        judgement = Judgement(Verdict.WRONG_ANSWER, frozenset({"ties"}), 3, {"verdict": "wrong_answer"})
        assert store.record(item.id, owner, judgement, 3.0)
        assert not store.record(item.id, owner, judgement, 4.0)  # a verdict is written once
        assert not store.claim(store.submission(item.id), owner)
        judged = store.submission(item.id)
        assert (judged.state, judged.verdict, judged.categories_passed, judged.judging_runs) == (
            "judged", Verdict.WRONG_ANSWER, frozenset({"ties"}), 1)


def test_only_submissions_whose_judge_is_gone_are_taken_over(tmp_path: Path):
    with ContestStore(tmp_path / "c.sqlite3") as store:
        store.create_contest(RULES, 1.0)
        mine = store.add_submission("mock", "ana", "is_subsequence", "a.py", b"", 2.0, {}, current_owner())
        gone = store.add_submission("mock", "ana", "is_subsequence", "b.py", b"", 3.0, {}, Owner(2**22 + 7, "x"))
        assert [item.id for item in store.abandoned()] == [gone.id]
        assert store.claim(gone, current_owner())
        assert not store.claim(gone, Owner(os.getppid(), "another taker"))  # the first claim wins
        assert store.abandoned() == [] and mine.id != gone.id


def untouched_after(round_: Round, content: bytes, expected: str) -> None:
    (round_.folder / "solutions").mkdir()
    round_.solution("def is_subsequence(s, t):\n    return True\n", "solutions/is_subsequence.py")
    round_.db.write_bytes(content)
    for command in (("contest", "list"), ("contest", "status"), ("submit", "is_subsequence")):
        outcome = round_.judge(*command)
        assert outcome.exit_code == 2, command
        message = " ".join(outcome.stderr.split())
        assert str(round_.db) in message and expected in message, message
        assert "Traceback" not in outcome.stderr
    assert round_.db.read_bytes() == content
    assert not Path(f"{round_.db}-wal").exists()


def test_random_bytes_are_refused_and_left_untouched(round_: Round):
    untouched_after(round_, os.urandom(4096), "is not a judge contest database (not an SQLite file)")


def test_a_damaged_sqlite_file_is_refused_and_left_untouched(round_: Round):
    untouched_after(round_, b"SQLite format 3\x00" + os.urandom(4080), "is damaged or not a judge contest database")


def sqlite_bytes(folder: Path, *statements: str) -> bytes:
    path = folder / "made.sqlite3"
    with sqlite3.connect(path) as connection:
        for statement in statements:
            connection.execute(statement)
    connection.close()
    return path.read_bytes()


def test_a_foreign_sqlite_database_is_refused_and_left_untouched(round_: Round):
    content = sqlite_bytes(round_.folder, "CREATE TABLE photos (id INTEGER)", "INSERT INTO photos VALUES (1)")
    untouched_after(round_, content, "is an SQLite database, but not a judge contest database (tables: photos)")


def test_a_database_of_a_newer_judge_is_refused_and_left_untouched(round_: Round):
    with ContestStore(round_.folder / "ours.sqlite3"):
        pass
    with sqlite3.connect(round_.folder / "ours.sqlite3") as connection:
        connection.execute("PRAGMA journal_mode = DELETE")  # one file, to copy whole
        connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    connection.close()
    untouched_after(round_, (round_.folder / "ours.sqlite3").read_bytes(),
                    f"was written by a newer judge (schema version {SCHEMA_VERSION + 1}")


def test_a_folder_or_a_missing_folder_is_a_usage_error(tmp_path: Path):
    with pytest.raises(StoreError, match="is a folder"):
        ContestStore(tmp_path)
    with pytest.raises(StoreError, match="the folder .* does not exist"):
        ContestStore(tmp_path / "nowhere" / "c.sqlite3")


def test_migrations_run_in_order_on_open_and_keep_the_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    path = tmp_path / "c.sqlite3"
    with ContestStore(path) as store:  # a version-1 database with a contest in it
        store.create_contest(RULES, 1.0)
    from judge.contest import store as module

    later = "ALTER TABLE contests ADD COLUMN notes TEXT; UPDATE contests SET notes = 'migrated'"
    monkeypatch.setattr(module, "MIGRATIONS", (*module.MIGRATIONS, later))
    monkeypatch.setattr(module, "SCHEMA_VERSION", len(module.MIGRATIONS))
    with ContestStore(path) as store:
        assert store.schema_version == SCHEMA_VERSION + 1
        assert store.contest("mock").rules == RULES
    with sqlite3.connect(path) as connection:
        assert connection.execute("SELECT notes FROM contests").fetchall() == [("migrated",)]
    connection.close()


def test_a_failing_migration_changes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    path = tmp_path / "c.sqlite3"
    with ContestStore(path) as store:
        store.create_contest(RULES, 1.0)
    from judge.contest import store as module

    broken = "ALTER TABLE contests ADD COLUMN notes TEXT; UPDATE nowhere SET x = 1"
    monkeypatch.setattr(module, "MIGRATIONS", (*module.MIGRATIONS, broken))
    monkeypatch.setattr(module, "SCHEMA_VERSION", len(module.MIGRATIONS))
    with pytest.raises(StoreError, match="no such table: nowhere"):
        ContestStore(path)
    monkeypatch.undo()
    with ContestStore(path) as store:  # still version 1, whole, usable by this judge
        assert store.schema_version == SCHEMA_VERSION
        assert [record.name for record in store.contests()] == ["mock"]
    with sqlite3.connect(path) as connection:
        columns = [row[1] for row in connection.execute("PRAGMA table_info(contests)")]
    connection.close()
    assert "notes" not in columns  # the half-run migration was rolled back whole


def test_a_version_1_database_is_upgraded_with_its_log_and_its_unjudged_submission(round_: Round):
    with sqlite3.connect(round_.db) as connection:  # as the first judge with contests left it
        connection.executescript(MIGRATIONS[0])
        connection.execute("INSERT INTO contests (name, problems, duration_s, format, feedback, created_at,"
                           " started_at) VALUES ('old', '[\"is_subsequence\"]', 2700, 'icpc', 'full', ?, ?)",
                           (START - 60, START))
        source = b"def something_else():\n    pass\n"
        connection.execute("INSERT INTO submissions (contest, participant, problem, filename, source, sha256,"
                           " submitted_at, options, state, judging_runs) VALUES ('old', 'ana', 'is_subsequence',"
                           " 'a.py', ?, ?, ?, '{\"sandbox\": \"local\"}', 'judging', 1)",
                           (source, hashlib.sha256(source).hexdigest(), START + 30))
        connection.execute("PRAGMA user_version = 1")
        connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    connection.close()
    round_.clock.advance(120)
    outcome = round_.judge("contest", "status", "old")
    assert outcome.exit_code == 0 and "was left unjudged by a stopped judge" in outcome.stderr
    with ContestStore(round_.db) as store:
        assert store.schema_version == SCHEMA_VERSION == len(MIGRATIONS)
        judged = store.submission(1)
        assert (judged.state, judged.verdict, judged.judging_runs) == ("judged", Verdict.COMPILE_ERROR, 2)
        assert store.contest("old").started_at == START
