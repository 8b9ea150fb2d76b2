"""Participants of a served contest: their tokens and their own windows (docs/contest-server.md).

A token is shown once, when the participant is added; the database keeps only
its SHA-256 (a token is 256 random bits, so a fast hash is enough: nobody can
guess one from its hash). Checking a token compares its hash with every
participant's in constant time, so the time an answer takes says nothing
about how close a guess was.

A participant added with a window has an own clock: it starts at their first
start and ends at start + window or at the contest's end, whichever comes
first; their times on the scoreboard count from their own start. Everyone
else follows the contest's clock.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Sequence
from dataclasses import dataclass, replace

from judge.contest.model import Attempt
from judge.contest.round import OVER, RUNNING, attempts, check_can_submit, phase
from judge.contest.store import ContestRecord, Participant, Submission
from judge.errors import UsageError

TOKEN_BYTES = 32


def new_token() -> str:
    """A fresh secret for one participant (43 URL-safe characters)."""
    return secrets.token_urlsafe(TOKEN_BYTES)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def find_by_token(participants: Sequence[Participant], token: str) -> Participant | None:
    """The participant this token belongs to; every hash is compared, in constant time each."""
    wanted = token_hash(token)
    found = None
    for participant in participants:
        if hmac.compare_digest(participant.token_sha256, wanted):
            found = participant
    return found


@dataclass(frozen=True)
class Window:
    """When one participant may submit: None bounds mean not started yet."""

    starts_at: float | None
    ends_at: float | None
    own: bool  # an own window (else the contest's clock)

    def phase(self, now: float) -> str:
        if self.starts_at is None:
            return OVER if self.ends_at is not None and now >= self.ends_at else "not started"
        assert self.ends_at is not None  # a window that has started has an end (window_of)
        return RUNNING if now < self.ends_at else OVER


def window_of(record: ContestRecord, participant: Participant | None) -> Window:
    """The participant's window; the contest's own when they have none (or for a visitor)."""
    if participant is None or participant.window_s is None:
        return Window(record.started_at, record.ends_at, own=False)
    contest_end = record.ends_at
    if participant.started_at is None:
        return Window(None, contest_end, own=True)  # not started: over only when the contest is
    own_end = participant.started_at + participant.window_s
    return Window(participant.started_at, own_end if contest_end is None else min(own_end, contest_end), own=True)


def can_start_window(record: ContestRecord, participant: Participant, now: float) -> None:
    """A usage error unless this participant may start their own window now."""
    if participant.window_s is None:
        raise UsageError("you follow the contest's clock: there is no window of your own to start.")
    if participant.started_at is not None:
        raise UsageError("your window started already; a start never moves it.")
    if phase(record, now) != RUNNING:
        raise UsageError(f"contest {record.name!r} is {phase(record, now)}: windows start only while it runs.")


def check_participant_can_submit(record: ContestRecord, participant: Participant, problem: str, now: float) -> None:
    """A usage error, recording nothing, unless this participant's window runs and the contest has the problem."""
    check_can_submit(record, problem, now)  # the contest itself runs and has the problem
    window = window_of(record, participant)
    if window.own and window.starts_at is None:
        raise UsageError("your window has not started: start it on the contest's page (or POST /api/start) first. "
                         "The submission was not recorded.")
    if window.phase(now) == OVER:
        raise UsageError("your window is over: the submission was not recorded.")


def board_attempts(record: ContestRecord, log: Sequence[Submission], participants: Sequence[Participant],
                   now: float, viewer: str | None) -> list[Attempt]:
    """The log as the scoreboard shows it to `viewer` (round.attempts: freeze and hidden feedback),
    with each windowed participant's times counted from their own start."""
    shown = attempts(record, log, now, viewer=viewer)
    contest_start = record.started_at or 0.0
    own_starts = {p.name: p.started_at for p in participants if p.window_s is not None and p.started_at is not None}
    return [replace(item, at_s=item.at_s + contest_start - own_starts[item.participant])
            if item.participant in own_starts else item for item in shown]
