"""The contest database: contests, their clocks and the log of submissions, in SQLite (WAL).

The log is the truth (docs/contests.md): a submission is committed, source
and all, before it is judged; its verdict is written once, by the process that
judged it. Standings are computed from the log by a scoring format, never
stored. The clock is stored too (start, duration, freeze, finish), so a
restarted judge neither resets nor extends a round.

The store knows nothing of the command line or of rich: the contest server
uses it as it is. Every failure of the file itself is a
`StoreError` (a usage error) naming the file: a file that is not SQLite, an
SQLite database of something else, one written by a newer judge. The store
never replaces or rewrites a file it does not recognise.

Concurrency: WAL lets readers run beside one writer; writers wait for each
other (busy timeout), and a write that still finds the database locked is
retried, so two `judge submit` at the same moment are both recorded.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from judge.contest.model import ContestRules
from judge.contest.owner import Owner, is_alive
from judge.errors import UsageError
from judge.verdicts import Verdict

DEFAULT_FILE = "contests.sqlite3"
SQLITE_HEADER = b"SQLite format 3\x00"
APPLICATION_ID = 0x4A444743  # "JDGC": marks the file as ours (PRAGMA application_id)
BUSY_TIMEOUT_S = 10.0
WRITE_ATTEMPTS = 5
STATES = ("pending", "judging", "judged")

# MIGRATIONS[i] takes the schema from version i to version i + 1; never edit one that shipped.
MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE contests (
        name        TEXT PRIMARY KEY,
        problems    TEXT NOT NULL,              -- JSON list of slugs, in the order shown
        duration_s  INTEGER NOT NULL CHECK (duration_s > 0),
        format      TEXT NOT NULL,
        feedback    TEXT NOT NULL,
        freeze_s    INTEGER,
        points      TEXT NOT NULL DEFAULT '{}', -- JSON {slug: points}
        created_at  REAL NOT NULL,
        started_at  REAL,
        finished_at REAL                        -- handed in early (the round's own end is start + duration)
    );
    CREATE TABLE submissions (
        id                INTEGER PRIMARY KEY AUTOINCREMENT,
        contest           TEXT NOT NULL REFERENCES contests(name),
        participant       TEXT NOT NULL,
        problem           TEXT NOT NULL,
        filename          TEXT NOT NULL,         -- where the source was read from (shown, never reread)
        source            BLOB NOT NULL,
        sha256            TEXT NOT NULL,
        submitted_at      REAL NOT NULL,
        options           TEXT NOT NULL,         -- JSON: how to judge it (sandbox, seed, complexity)
        state             TEXT NOT NULL CHECK (state IN ('pending', 'judging', 'judged')),
        owner_pid         INTEGER,               -- the process judging it (judge/contest/owner.py)
        owner_token       TEXT,
        judging_runs      INTEGER NOT NULL DEFAULT 0,
        verdict           TEXT,
        categories_passed TEXT,                  -- JSON list of the categories whose every test passed
        categories_total  INTEGER,
        report            TEXT,                  -- the full JSON report of the run (docs/report-schema.md)
        judged_at         REAL
    );
    CREATE INDEX submissions_by_contest ON submissions (contest, id);
    CREATE INDEX submissions_unjudged ON submissions (state) WHERE state != 'judged';
    """,
    # Group contests: who may submit to a served contest. Only a token's hash is kept.
    """
    CREATE TABLE participants (
        contest       TEXT NOT NULL REFERENCES contests(name),
        name          TEXT NOT NULL,
        token_sha256  TEXT NOT NULL UNIQUE,
        window_s      INTEGER CHECK (window_s > 0),  -- an own window of this length, or NULL: the contest's clock
        started_at    REAL,                          -- the start of that window (their first start)
        created_at    REAL NOT NULL,
        PRIMARY KEY (contest, name)
    );
    """,
)
SCHEMA_VERSION = len(MIGRATIONS)

T = TypeVar("T")


class StoreError(UsageError):
    """The database file cannot be used as it is; the message names it and says why."""


@dataclass(frozen=True)
class ContestRecord:
    """A contest as stored: its rules and its clock."""

    rules: ContestRules
    created_at: float
    started_at: float | None = None
    finished_at: float | None = None

    @property
    def name(self) -> str:
        return self.rules.name

    @property
    def ends_at(self) -> float | None:
        """When the round is over: its scheduled end, or the moment it was handed in if earlier."""
        if self.started_at is None:
            return self.finished_at
        scheduled = self.started_at + self.rules.duration_s
        return scheduled if self.finished_at is None else min(scheduled, self.finished_at)

    def round_start(self) -> float:
        """started_at of a round known to have started."""
        if self.started_at is None:
            raise ValueError(f"contest {self.name!r} has not started")
        return self.started_at

    def round_end(self) -> float:
        """ends_at of a round known to have started or been handed in (only a round that did neither has none)."""
        end = self.ends_at
        if end is None:
            raise ValueError(f"contest {self.name!r} has neither started nor been handed in")
        return end


@dataclass(frozen=True)
class Submission:
    """One row of the log."""

    id: int
    contest: str
    participant: str
    problem: str
    filename: str
    source: bytes
    sha256: str
    submitted_at: float
    options: dict[str, Any]
    state: str
    owner: Owner | None
    judging_runs: int
    verdict: Verdict | None
    categories_passed: frozenset[str]
    categories_total: int
    report: dict[str, Any] | None
    judged_at: float | None

    @property
    def judged(self) -> bool:
        return self.state == "judged"


@dataclass(frozen=True)
class Participant:
    """Someone who may submit to a served contest; `window_s` set means an own clock (docs/contest-server.md)."""

    contest: str
    name: str
    token_sha256: str
    window_s: int | None
    started_at: float | None
    created_at: float


@dataclass(frozen=True)
class Judgement:
    """What judging a submission found: written once into its row."""

    verdict: Verdict
    categories_passed: frozenset[str]
    categories_total: int
    report: dict[str, Any]


class ContestStore:
    """One open contest database. Use as a context manager, or call close()."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._connection = _connect(path)
        try:
            self._check_identity()
            self._guard(lambda: self._retry(lambda: self._connection.execute("PRAGMA journal_mode=WAL")))
            self._migrate()
        except BaseException:
            self._connection.close()
            raise

    def __enter__(self) -> ContestStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._connection.close()

    # --- opening ---------------------------------------------------------------------------

    def _check_identity(self) -> None:
        """Refuses a foreign or newer database before anything is written to it."""
        application_id = self._read_one("PRAGMA application_id")
        version = self._read_one("PRAGMA user_version")
        tables = [row[0] for row in self._read("SELECT name FROM sqlite_master WHERE type = 'table'")]
        if application_id != APPLICATION_ID and (tables or version):
            raise StoreError(f"{self.path} is an SQLite database, but not a judge contest database "
                             f"(tables: {', '.join(tables) or 'none'}); it was left untouched. "
                             "Pass --db with another file.")
        if version > SCHEMA_VERSION:
            raise StoreError(f"{self.path} was written by a newer judge (schema version {version}; this judge "
                             f"knows up to {SCHEMA_VERSION}); it was left untouched. Upgrade judge to use it.")

    def _migrate(self) -> None:
        def apply(connection: sqlite3.Connection) -> None:
            version = connection.execute("PRAGMA user_version").fetchone()[0]  # again, inside the lock
            for number in range(version, SCHEMA_VERSION):
                for statement in _statements(MIGRATIONS[number]):
                    connection.execute(statement)
                connection.execute(f"PRAGMA user_version = {number + 1}")
            connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")

        if self._read_one("PRAGMA user_version") < SCHEMA_VERSION:
            self._write(apply)

    @property
    def schema_version(self) -> int:
        return self._read_one("PRAGMA user_version")

    # --- contests --------------------------------------------------------------------------

    def create_contest(self, rules: ContestRules, at: float) -> ContestRecord:
        def insert(connection: sqlite3.Connection) -> None:
            if connection.execute("SELECT 1 FROM contests WHERE name = ?", (rules.name,)).fetchone():
                raise UsageError(f"a contest named {rules.name!r} already exists in {self.path}; "
                                 "choose another name (`judge contest list` shows them).")
            connection.execute(
                "INSERT INTO contests (name, problems, duration_s, format, feedback, freeze_s, points, created_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (rules.name, json.dumps(list(rules.problems)), rules.duration_s, rules.format, rules.feedback,
                 rules.freeze_s, json.dumps(rules.points), at))

        self._write(insert)
        return self.contest(rules.name)

    def contests(self) -> list[ContestRecord]:
        return [_contest_from_row(row) for row in self._read("SELECT * FROM contests ORDER BY created_at, name")]

    def find_contest(self, name: str) -> ContestRecord | None:
        rows = self._read("SELECT * FROM contests WHERE name = ?", (name,))
        return _contest_from_row(rows[0]) if rows else None

    def contest(self, name: str) -> ContestRecord:
        found = self.find_contest(name)
        if found is None:
            names = [record.name for record in self.contests()]
            known = f"the contests are: {', '.join(names)}" if names else "there are none yet (`judge contest create`)"
            raise UsageError(f"no contest named {name!r} in {self.path}; {known}.")
        return found

    def start(self, name: str, at: float) -> bool:
        """Starts the clock; False when it had started already (a start never moves it)."""
        return self._update("UPDATE contests SET started_at = ? WHERE name = ? AND started_at IS NULL", (at, name))

    def finish(self, name: str, at: float) -> bool:
        """Hands the round in; False when it was handed in already."""
        return self._update("UPDATE contests SET finished_at = ? WHERE name = ? AND finished_at IS NULL", (at, name))

    # --- submissions -----------------------------------------------------------------------

    def add_submission(self, contest: str, participant: str, problem: str, filename: str, source: bytes,
                       at: float, options: dict[str, Any], owner: Owner) -> Submission:
        """Commits a submission, pending and owned by `owner`, before anyone judges it."""
        def insert(connection: sqlite3.Connection) -> int:
            cursor = connection.execute(
                "INSERT INTO submissions (contest, participant, problem, filename, source, sha256, submitted_at,"
                " options, state, owner_pid, owner_token) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?)",
                (contest, participant, problem, filename, source, hashlib.sha256(source).hexdigest(), at,
                 json.dumps(options, sort_keys=True), owner.pid, owner.token))
            assert cursor.lastrowid is not None  # an INSERT's rowid
            return cursor.lastrowid

        return self.submission(self._write(insert))

    def submission(self, submission_id: int) -> Submission:
        rows = self._read("SELECT * FROM submissions WHERE id = ?", (submission_id,))
        if not rows:
            raise UsageError(f"no submission #{submission_id} in {self.path}.")
        return _submission_from_row(rows[0])

    def submissions(self, contest: str, participant: str | None = None) -> list[Submission]:
        """The contest's log in submission order: everyone's, or one participant's."""
        if participant is None:
            rows = self._read("SELECT * FROM submissions WHERE contest = ? ORDER BY id", (contest,))
        else:
            rows = self._read("SELECT * FROM submissions WHERE contest = ? AND participant = ? ORDER BY id",
                              (contest, participant))
        return [_submission_from_row(row) for row in rows]

    def abandoned(self) -> list[Submission]:
        """Submissions never judged whose judge is gone (killed, crashed, interrupted): to re-judge."""
        rows = self._read("SELECT * FROM submissions WHERE state != 'judged' ORDER BY id")
        unjudged = [_submission_from_row(row) for row in rows]
        return [item for item in unjudged if item.owner is None or not is_alive(item.owner)]

    def claim(self, submission: Submission, owner: Owner) -> bool:
        """Takes an unjudged submission to judge it; False when someone else took or judged it first."""
        previous = submission.owner or Owner(-1, "")
        return self._update(
            "UPDATE submissions SET state = 'judging', owner_pid = ?, owner_token = ?,"
            " judging_runs = judging_runs + 1 WHERE id = ? AND state != 'judged'"
            " AND COALESCE(owner_pid, -1) = ? AND COALESCE(owner_token, '') = ?",
            (owner.pid, owner.token, submission.id, previous.pid, previous.token))

    def release(self, submission_id: int, owner: Owner) -> bool:
        """Gives an interrupted judging back: pending with no owner, so the next command re-judges it."""
        return self._update(
            "UPDATE submissions SET state = 'pending', owner_pid = NULL, owner_token = NULL"
            " WHERE id = ? AND state != 'judged' AND owner_pid = ? AND owner_token = ?",
            (submission_id, owner.pid, owner.token))

    def record(self, submission_id: int, owner: Owner, judgement: Judgement, at: float) -> bool:
        """Writes the verdict, once: False when the submission was judged already or is not ours."""
        return self._update(
            "UPDATE submissions SET state = 'judged', verdict = ?, categories_passed = ?, categories_total = ?,"
            " report = ?, judged_at = ?, owner_pid = NULL, owner_token = NULL"
            " WHERE id = ? AND state = 'judging' AND owner_pid = ? AND owner_token = ?",
            (judgement.verdict.value, json.dumps(sorted(judgement.categories_passed)), judgement.categories_total,
             json.dumps(judgement.report), at, submission_id, owner.pid, owner.token))

    # --- participants (the contest server) -------------------------------------------------

    def add_participant(self, contest: str, name: str, token_sha256: str, window_s: int | None,
                        at: float) -> Participant:
        def insert(connection: sqlite3.Connection) -> None:
            if connection.execute("SELECT 1 FROM participants WHERE contest = ? AND name = ?",
                                  (contest, name)).fetchone():
                raise UsageError(f"contest {contest!r} already has a participant named {name!r}.")
            connection.execute(
                "INSERT INTO participants (contest, name, token_sha256, window_s, created_at) VALUES (?, ?, ?, ?, ?)",
                (contest, name, token_sha256, window_s, at))

        self._write(insert)
        return next(item for item in self.participants(contest) if item.name == name)

    def participants(self, contest: str) -> list[Participant]:
        rows = self._read("SELECT * FROM participants WHERE contest = ? ORDER BY name", (contest,))
        return [Participant(row["contest"], row["name"], row["token_sha256"], row["window_s"], row["started_at"],
                            row["created_at"]) for row in rows]

    def start_participant(self, contest: str, name: str, at: float) -> bool:
        """Starts a participant's own window; False when it had started already (it never moves)."""
        return self._update("UPDATE participants SET started_at = ? WHERE contest = ? AND name = ?"
                            " AND started_at IS NULL", (at, contest, name))

    # --- SQLite plumbing -------------------------------------------------------------------

    def _read(self, sql: str, parameters: tuple = ()) -> list[sqlite3.Row]:
        return self._guard(lambda: self._retry(lambda: self._connection.execute(sql, parameters).fetchall()))

    def _read_one(self, sql: str) -> Any:
        return self._read(sql)[0][0]

    def _update(self, sql: str, parameters: tuple) -> bool:
        return self._write(lambda connection: connection.execute(sql, parameters).rowcount) > 0

    def _write(self, change: Callable[[sqlite3.Connection], T]) -> T:
        """Runs `change` in one immediate transaction: all of it is committed or none."""
        def transaction() -> T:
            connection = self._connection
            connection.execute("BEGIN IMMEDIATE")
            try:
                value = change(connection)
            except BaseException:
                if connection.in_transaction:
                    connection.execute("ROLLBACK")
                raise
            connection.execute("COMMIT")
            return value

        return self._guard(lambda: self._retry(transaction))

    def _retry(self, action: Callable[[], T]) -> T:
        """`action`, tried again while another process holds the database past the busy timeout."""
        for attempt in range(1, WRITE_ATTEMPTS + 1):
            try:
                return action()
            except sqlite3.OperationalError as exc:
                if not _is_busy(exc) or attempt == WRITE_ATTEMPTS:
                    raise
                time.sleep(0.05 * attempt)
        raise AssertionError("unreachable")

    def _guard(self, action: Callable[[], T]) -> T:
        """SQLite's own failures as a StoreError naming the file (never our traceback)."""
        try:
            return action()
        except sqlite3.DatabaseError as exc:
            raise _store_error(self.path, exc) from exc


def _connect(path: Path) -> sqlite3.Connection:
    _check_file(path)
    try:
        connection = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
    except sqlite3.Error as exc:
        raise _store_error(path, exc) from exc
    connection.row_factory = sqlite3.Row
    return connection


# Files whose header this process has read. A file is read once per process, before this process
# has an SQLite connection to it: closing any descriptor of a file drops every POSIX lock the
# process holds on it, SQLite's included, and another process would then take the database for
# unused, checkpoint it and delete the WAL this process still writes to (writes nobody else sees).
_HEADER_READ: set[str] = set()
_HEADER_LOCK = threading.Lock()


def _check_file(path: Path) -> None:
    """Refuses what is plainly not an SQLite file, before SQLite opens it (once per process)."""
    if path.is_dir():
        raise StoreError(f"{path} is a folder: --db takes a database file, e.g. {path / DEFAULT_FILE}.")
    if not path.parent.is_dir():
        raise StoreError(f"cannot open {path}: the folder {path.parent} does not exist.")
    with _HEADER_LOCK:
        key = str(path.resolve())
        if key not in _HEADER_READ:
            _check_header(path)
            _HEADER_READ.add(key)


def _check_header(path: Path) -> None:
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except FileNotFoundError:
        return  # a new database
    except OSError as exc:
        raise StoreError(f"cannot read {path}: {exc.strerror or exc}.") from exc
    if header and header != SQLITE_HEADER:
        raise StoreError(f"{path} is not a judge contest database (not an SQLite file); it was left untouched. "
                         "Pass --db with another file, or move this one away.")


def _store_error(path: Path, exc: sqlite3.Error) -> StoreError:
    message = str(exc)
    if _is_busy(exc):
        return StoreError(f"{path} stayed locked by another judge for over {BUSY_TIMEOUT_S * WRITE_ATTEMPTS:g} s; "
                          "try again.")
    if "malformed" in message or "not a database" in message:
        return StoreError(f"{path} is damaged or not a judge contest database ({message}); it was left untouched.")
    return StoreError(f"{path}: the contest database failed: {message}.")


def _is_busy(exc: sqlite3.Error) -> bool:
    return "locked" in str(exc) or "busy" in str(exc)


def _statements(script: str) -> list[str]:
    """A migration's statements one by one (executescript would commit our transaction)."""
    return [statement.strip() for statement in script.split(";") if statement.strip()]


def _contest_from_row(row: sqlite3.Row) -> ContestRecord:
    rules = ContestRules(name=row["name"], problems=tuple(json.loads(row["problems"])), duration_s=row["duration_s"],
                         format=row["format"], feedback=row["feedback"], freeze_s=row["freeze_s"],
                         points=json.loads(row["points"]))
    return ContestRecord(rules, row["created_at"], row["started_at"], row["finished_at"])


def _submission_from_row(row: sqlite3.Row) -> Submission:
    owner = Owner(row["owner_pid"], row["owner_token"] or "") if row["owner_pid"] is not None else None
    return Submission(
        id=row["id"], contest=row["contest"], participant=row["participant"], problem=row["problem"],
        filename=row["filename"], source=bytes(row["source"]), sha256=row["sha256"],
        submitted_at=row["submitted_at"], options=json.loads(row["options"]), state=row["state"], owner=owner,
        judging_runs=row["judging_runs"], verdict=Verdict(row["verdict"]) if row["verdict"] else None,
        categories_passed=frozenset(json.loads(row["categories_passed"] or "[]")),
        categories_total=row["categories_total"] or 0,
        report=json.loads(row["report"]) if row["report"] else None, judged_at=row["judged_at"],
    )
