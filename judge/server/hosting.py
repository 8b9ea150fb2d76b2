"""One served contest: what the HTTP API and the web pages both ask of it.

Everything here is blocking (SQLite): the routes call it in a worker thread.
Each call opens the contest database for its own use, so threads never
share an SQLite connection. Nothing here knows HTTP except the status a
refusal carries; every user-facing rule lives here once: who a token is,
what the scoreboard shows to whom, what a submission must be before it is
recorded, and what of a submission its owner may see.
"""

from __future__ import annotations

import contextlib
import math
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from judge.contest.clock import Clock
from judge.contest.formats import get_format
from judge.contest.judging import JudgeOptions
from judge.contest.model import Standing
from judge.contest.owner import current_owner
from judge.contest.participants import (
    board_attempts,
    can_start_window,
    check_participant_can_submit,
    find_by_token,
    window_of,
)
from judge.contest.queue import JudgingQueue
from judge.contest.round import OVER, RUNNING, freeze_starts_at, is_frozen, phase, verdicts_visible
from judge.contest.store import ContestRecord, ContestStore, Participant, Submission
from judge.errors import UsageError
from judge.problems import ProblemSet

MAX_SOURCE_BYTES = 256 * 1024
DEFAULT_MIN_INTERVAL_S = 10.0


class Refused(Exception):
    """A request the contest turns down: an HTTP status, a message for the user, maybe when to retry."""

    def __init__(self, status: int, message: str, retry_after_s: int | None = None) -> None:
        super().__init__(message)
        self.status, self.message, self.retry_after_s = status, message, retry_after_s


@dataclass
class HostedContest:
    """A contest behind the server: its database, its problems, its clock and its judging queue."""

    db: Path
    name: str
    problems: ProblemSet
    clock: Clock
    queue: JudgingQueue
    options: JudgeOptions = field(default_factory=JudgeOptions)
    min_interval_s: float = DEFAULT_MIN_INTERVAL_S
    _submit_lock: threading.Lock = field(default_factory=threading.Lock)

    @contextlib.contextmanager
    def store(self) -> Iterator[ContestStore]:
        with ContestStore(self.db) as store:
            yield store

    def record(self) -> ContestRecord:
        with self.store() as store:
            return store.contest(self.name)

    # --- who is asking ---------------------------------------------------------------------

    def authenticate(self, token: str) -> Participant | None:
        with self.store() as store:
            return find_by_token(store.participants(self.name), token)

    def participant(self, name: str) -> Participant | None:
        with self.store() as store:
            return next((item for item in store.participants(self.name) if item.name == name), None)

    def start_window(self, name: str) -> Participant:
        with self.store() as store:
            record = store.contest(self.name)
            participant = self._known(store, name)
            try:
                can_start_window(record, participant, self.clock.now())
            except UsageError as exc:
                raise Refused(409, str(exc)) from exc
            store.start_participant(self.name, name, self.clock.now())
            return self._known(store, name)

    def _known(self, store: ContestStore, name: str) -> Participant:
        found = next((item for item in store.participants(self.name) if item.name == name), None)
        if found is None:  # a session of a participant the database no longer has
            raise Refused(401, "you are not a participant of this contest: log in again.")
        return found

    # --- what everyone sees ----------------------------------------------------------------

    def board(self, viewer: str | None) -> tuple[ContestRecord, list[Standing]]:
        """The standings as `viewer` may see them (a visitor: None): frozen and hidden verdicts pending."""
        with self.store() as store:
            record = store.contest(self.name)
            log = store.submissions(self.name)
            shown = board_attempts(record, log, store.participants(self.name), self.clock.now(), viewer)
        return record, get_format(record.rules.format).standings(record.rules, shown)

    def clock_view(self, record: ContestRecord, participant: Participant | None) -> dict[str, Any]:
        """The contest's clock, and the viewer's own window when they have one."""
        now = self.clock.now()
        window = window_of(record, participant)
        return {
            "now": now, "phase": phase(record, now), "started_at": record.started_at, "ends_at": record.ends_at,
            "duration_s": record.rules.duration_s, "freeze_starts_at": freeze_starts_at(record),
            "frozen": is_frozen(record, now),
            "window": None if not window.own or participant is None else {  # own: the participant's
                "starts_at": window.starts_at, "ends_at": window.ends_at, "phase": window.phase(now),
                "length_s": participant.window_s},
        }

    def statements_visible(self, record: ContestRecord, participant: Participant | None) -> bool:
        """Problems are read once the viewer's round runs (a visitor: once the contest is over),
        so nobody reads them before their own clock starts."""
        now = self.clock.now()
        if phase(record, now) == OVER:
            return True
        if participant is None or phase(record, now) != RUNNING:
            return False
        return window_of(record, participant).starts_at is not None

    # --- submitting ------------------------------------------------------------------------

    def submit(self, participant_name: str, slug: str, filename: str, source: bytes) -> Submission:
        """Checks, records (committed), then queues a submission; a Refused records nothing."""
        with self._submit_lock, self.store() as store:  # one check-then-insert at a time: the rate limit holds
            record = store.contest(self.name)
            participant = self._known(store, participant_name)
            if slug not in record.rules.problems:
                raise Refused(404, f"contest {self.name!r} has no problem {slug!r}; its problems: "
                                   f"{', '.join(record.rules.problems)}.")
            now = self.clock.now()
            try:
                check_participant_can_submit(record, participant, slug, now)
            except UsageError as exc:
                raise Refused(409, str(exc)) from exc
            self._check_rate(store, participant_name, now)
            check_source(source)
            item = store.add_submission(self.name, participant_name, slug, _shown_name(filename, slug), source,
                                        now, self.options.to_dict(), current_owner())
        self.queue.submit(item.id)
        return item

    def _check_rate(self, store: ContestStore, participant: str, now: float) -> None:
        """At most one submission per `min_interval_s`, counted from the log (a restart forgets nothing)."""
        times = [item.submitted_at for item in store.submissions(self.name, participant)]
        wait = (max(times) + self.min_interval_s - now) if times else 0.0
        if wait > 0:
            seconds = max(1, math.ceil(wait))
            raise Refused(429, f"one submission per {self.min_interval_s:g} s: try again in {seconds} s. "
                               "Nothing was recorded.", retry_after_s=seconds)

    # --- what an owner sees ----------------------------------------------------------------

    def own_submissions(self, participant: str) -> tuple[ContestRecord, list[Submission]]:
        with self.store() as store:
            record = store.contest(self.name)
            return record, store.submissions(self.name, participant)

    def own_submission(self, participant: str, submission_id: int) -> tuple[ContestRecord, Submission] | None:
        """The submission if `participant` made it; None alike for another's and for none at all."""
        if not 0 < submission_id < 2**63:  # past SQLite's integers: no such submission
            return None
        with self.store() as store:
            record = store.contest(self.name)
            try:
                item = store.submission(submission_id)
            except UsageError:
                return None
        if item.contest != self.name or item.participant != participant:
            return None
        return record, item

    def feedback(self, record: ContestRecord, item: Submission) -> dict[str, Any]:
        """What the contest's feedback mode lets the owner see of their submission now: the whole report
        with `full`, the verdict only with `verdict`, nothing with `hidden`; everything once it is over."""
        now = self.clock.now()
        visible = item.judged and verdicts_visible(record, now)
        shown: dict[str, Any] = {"state": item.state if visible or not item.judged else "held",
                                 "verdict": item.verdict.value if visible and item.verdict else None,
                                 "report": None}
        if visible and (record.rules.feedback == "full" or phase(record, now) == OVER):
            shown["report"] = item.report
        return shown


def check_source(source: bytes) -> str:
    """The source as text: at most 256 KiB, UTF-8, and Python that compiles; else a Refused (422/413)."""
    if len(source) > MAX_SOURCE_BYTES:
        raise Refused(413, f"the file is {len(source)} bytes; uploads are capped at {MAX_SOURCE_BYTES // 1024} KiB. "
                           "Nothing was recorded.")
    try:
        text = source.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise Refused(422, f"the file is not UTF-8 text ({exc.reason} at byte {exc.start}). "
                           "Nothing was recorded.") from exc
    try:
        compile(text, "<submission>", "exec", dont_inherit=True)
    except SyntaxError as exc:
        raise Refused(422, f"the file is not Python that compiles: {exc.msg} (line {exc.lineno}). "
                           "Nothing was recorded.") from exc
    except (ValueError, RecursionError, MemoryError) as exc:  # NUL bytes, nesting too deep for the parser
        raise Refused(422, f"the file is not Python that compiles ({type(exc).__name__}). "
                           "Nothing was recorded.") from exc
    return text


def _shown_name(filename: str, slug: str) -> str:
    """The name the participant gave, kept as a label only (never opened); a tidy default without one."""
    label = "".join(ch for ch in filename.rsplit("/", 1)[-1].rsplit("\\", 1)[-1] if ch.isprintable())[:100]
    return label or f"{slug}.py"
