# expect: wrong_answer
# why: checks gap_minutes after the events, so a bad event hides a bad gap_minutes

from __future__ import annotations

import math
from datetime import UTC, datetime
from fractions import Fraction

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
MICRO = 1_000_000


def _instant(index: int, stamp):
    """(exact instant in microseconds, epoch seconds to report)."""
    if isinstance(stamp, bool) or not isinstance(stamp, (int, float, str)):
        raise TypeError(f"event {index}: timestamp {stamp!r} is not a number or a string")
    if isinstance(stamp, str):
        try:
            moment = datetime.fromisoformat(stamp)
        except ValueError:
            raise ValueError(f"event {index}: {stamp!r} is not an ISO-8601 timestamp") from None
        if moment.tzinfo is None or moment.utcoffset() is None:
            raise ValueError(f"event {index}: no UTC offset in {stamp!r}")
        micros = (moment - EPOCH) // (moment.resolution)
        seconds = micros // MICRO if micros % MICRO == 0 else micros / MICRO
        return micros, seconds
    if not math.isfinite(stamp):
        raise ValueError(f"event {index}: timestamp {stamp!r} is not finite")
    exact = stamp * MICRO if isinstance(stamp, int) else Fraction(stamp) * MICRO
    return exact, stamp


def sessionize(events, gap_minutes=30) -> list[tuple]:
    if not isinstance(events, (list, tuple)):
        raise TypeError("events must be a list or tuple of (user_id, timestamp)")
    keyed = []
    for index, event in enumerate(events):
        if not isinstance(event, (list, tuple)):
            raise TypeError(f"event {index}: {event!r} is not a (user_id, timestamp) pair")
        if len(event) != 2:
            raise ValueError(f"event {index}: {len(event)} items, not 2")
        user, stamp = event
        exact, seconds = _instant(index, stamp)
        keyed.append((user, exact, seconds))

    if isinstance(gap_minutes, bool) or not isinstance(gap_minutes, (int, float)):
        raise TypeError(f"gap_minutes {gap_minutes!r} is not a number")
    if math.isnan(gap_minutes) or gap_minutes < 0:
        raise ValueError(f"gap_minutes {gap_minutes!r} must be >= 0")
    limit = math.inf if math.isinf(gap_minutes) else Fraction(gap_minutes) * 60 * MICRO
    keyed.sort(key=lambda item: (item[0], item[1]))
    sessions: list[list] = []
    last = None
    for user, exact, seconds in keyed:
        if sessions and sessions[-1][0] == user and exact - last <= limit:
            current = sessions[-1]
            current[2] = seconds
            current[3] += 1
        else:
            sessions.append([user, seconds, seconds, 1])
        last = exact
    return [tuple(session) for session in sessions]
