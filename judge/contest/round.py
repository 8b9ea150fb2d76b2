"""A round's clock and what may be seen when: derived from a stored contest and the time.

Pure functions of a `ContestRecord` (or its log) and a moment read from the
clock, so the boundaries are exact and testable: a submission at the last
second of the round counts, one at its end does not; the freeze starts at
`end - freeze`; hidden verdicts appear at the end (or when the round is handed
in), never before.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, datetime

from judge.contest.define import format_duration
from judge.contest.model import Attempt
from judge.contest.store import ContestRecord, Submission
from judge.errors import UsageError

NOT_STARTED, RUNNING, OVER = "not started", "running", "over"


def phase(record: ContestRecord, now: float) -> str:
    if record.started_at is None:
        return OVER if record.finished_at is not None else NOT_STARTED
    return RUNNING if now < record.round_end() else OVER


def time_left(record: ContestRecord, now: float) -> float:
    """Seconds left in the round (the whole duration before it starts, 0 once it is over)."""
    if record.started_at is None:
        return 0.0 if record.finished_at is not None else float(record.rules.duration_s)
    return max(0.0, record.round_end() - now)


def elapsed(record: ContestRecord, now: float) -> float:
    """Seconds since the start, up to the end."""
    if record.started_at is None:
        return 0.0
    return max(0.0, min(now, record.round_end()) - record.started_at)


def freeze_starts_at(record: ContestRecord) -> float | None:
    if record.started_at is None or not record.rules.freeze_s:
        return None
    return record.started_at + record.rules.duration_s - record.rules.freeze_s


def is_frozen(record: ContestRecord, now: float) -> bool:
    """The scoreboard is frozen: inside the last `freeze` of a round still running."""
    freeze = freeze_starts_at(record)
    return freeze is not None and phase(record, now) == RUNNING and now >= freeze


def verdicts_visible(record: ContestRecord, now: float) -> bool:
    """`hidden` feedback holds every verdict until the round is over; the others show them at once."""
    return record.rules.feedback != "hidden" or phase(record, now) == OVER


def check_can_submit(record: ContestRecord, problem: str, now: float) -> None:
    """A usage error, recording nothing, unless the round runs and has this problem."""
    name, current = record.name, phase(record, now)
    if current == NOT_STARTED:
        raise UsageError(f"contest {name!r} has not started: `judge contest start {name}` starts its clock. "
                         "The submission was not recorded.")
    if current == OVER:
        raise UsageError(f"contest {name!r} is over ({_ended(record, now)}): the submission was not recorded.")
    if problem not in record.rules.problems:
        raise UsageError(f"problem {problem!r} is not in contest {name!r} (its problems: "
                         f"{', '.join(record.rules.problems)}). The submission was not recorded.")


def _ended(record: ContestRecord, now: float) -> str:
    end = record.round_end()  # it is over
    handed_in = record.finished_at is not None and record.finished_at == end
    how = "handed in" if handed_in else "time ran out"
    return f"{how} at {clock_time(end)}, {format_duration(now - end)} ago"


def clock_time(moment: float) -> str:
    return datetime.fromtimestamp(moment, UTC).strftime("%Y-%m-%d %H:%M:%S UTC")


def default_contest(records: Sequence[ContestRecord], now: float) -> ContestRecord:
    """The contest a command means when none is named: the only one, else the only running one."""
    if len(records) == 1:
        return records[0]
    if not records:
        raise UsageError("there is no contest yet: `judge contest create NAME --problems a,b --duration 45m "
                         "--format icpc` makes one.")
    running = [record for record in records if phase(record, now) == RUNNING]
    if len(running) == 1:
        return running[0]
    names = ", ".join(record.name for record in (running or records))
    why = "several are running" if running else "none is running"
    raise UsageError(f"name the contest: {why} ({names}).")


def attempts(record: ContestRecord, log: Sequence[Submission], now: float, viewer: str | None = None) -> list[Attempt]:
    """The log as a scoring format sees it at `now`: verdicts held by `hidden` feedback, and others'
    verdicts after the freeze, are pending (None); the viewer always sees their own (unless hidden)."""
    start = record.started_at or 0.0
    visible = verdicts_visible(record, now)
    freeze = freeze_starts_at(record) if is_frozen(record, now) else None
    result = []
    for item in log:
        attempt = _attempt(item, start)
        frozen = freeze is not None and item.submitted_at >= freeze and item.participant != viewer
        if not visible or frozen:
            attempt = replace(attempt, verdict=None, categories_passed=frozenset())
        result.append(attempt)
    return result


def _attempt(item: Submission, start: float) -> Attempt:
    return Attempt(id=item.id, participant=item.participant, problem=item.problem,
                   at_s=item.submitted_at - start, verdict=item.verdict,
                   categories_passed=item.categories_passed, categories_total=item.categories_total)
