"""Reference solution for `weekly_buckets`.

Runs in the judge process to compute expected values, so it stays small
and linear: parse every string once, then one pass that checks order and
cuts the input into weeks counted from the first instant.
"""

from __future__ import annotations

from datetime import datetime, timedelta

WEEK = timedelta(days=7)


def _parse(stamp: object) -> datetime:
    """One timestamp as a datetime (naive or aware); a date alone is midnight."""
    if not isinstance(stamp, str):
        raise TypeError(f"timestamps must be str, got {type(stamp).__name__}")
    # fromisoformat raises ValueError for impossible dates and for text that
    # is no timestamp at all; it reads a date alone as naive midnight.
    return datetime.fromisoformat(stamp)


def _check_same_kind(instants: list[datetime]) -> None:
    """Naive and offset-aware instants cannot be ordered against each other."""
    aware = {t.tzinfo is not None for t in instants}
    if len(aware) > 1:
        raise ValueError("mixture of offset-aware and naive timestamps")


def weekly_buckets(timestamps: list[str]) -> list[list[str]]:
    """Group non-decreasing ISO-8601 timestamps into weeks counted from the first.

    A timestamp t lands in week floor((t - t0) / 7 days). Only non-empty
    weeks are returned, in week order, each holding the original strings in
    input order. Raises ValueError for out-of-order input, an invalid string
    or naive/aware mixing, and TypeError for an element that is not a str.
    """
    instants = [_parse(stamp) for stamp in timestamps]
    if not instants:
        return []
    _check_same_kind(instants)
    t0 = previous = instants[0]
    buckets: list[list[str]] = []
    current_week = -1
    for stamp, instant in zip(timestamps, instants):
        if instant < previous:
            raise ValueError(f"{stamp!r} is earlier than the timestamp before it")
        # timedelta // timedelta is exact integer arithmetic on microseconds;
        # a float division would lose the last microsecond over long spans.
        week = (instant - t0) // WEEK
        if week != current_week:
            buckets.append([])
            current_week = week
        buckets[-1].append(stamp)
        previous = instant
    return buckets
