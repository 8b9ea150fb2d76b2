# expect: accepted
# why: aware datetimes for everything (numbers via fromtimestamp in UTC), a dict of per-user lists,
#   each sorted, sessions cut with timedelta comparisons; users sorted at the end
# time: O(n log n)
import math
from datetime import datetime, timedelta, timezone


def _parse(i, ts):
    if isinstance(ts, bool):
        raise TypeError(f"event {i}: bool is not a timestamp")
    if isinstance(ts, (int, float)):
        if math.isnan(ts) or math.isinf(ts):
            raise ValueError(f"event {i}: non-finite timestamp")
        return datetime.fromtimestamp(ts, tz=timezone.utc), ts
    if isinstance(ts, str):
        try:
            dt = datetime.fromisoformat(ts)
        except ValueError as e:
            raise ValueError(f"event {i}: {e}") from None
        if dt.tzinfo is None:
            raise ValueError(f"event {i}: timestamp has no offset")
        return dt, None
    raise TypeError(f"event {i}: unsupported timestamp type {type(ts).__name__}")


def sessionize(events, gap_minutes=30):
    if isinstance(gap_minutes, bool) or not isinstance(gap_minutes, (int, float)):
        raise TypeError("gap_minutes must be a number")
    if gap_minutes != gap_minutes or gap_minutes < 0:
        raise ValueError("gap_minutes must be >= 0")
    if not isinstance(events, (list, tuple)):
        raise TypeError("events must be a list")
    per_user = {}
    for i, ev in enumerate(events):
        if not isinstance(ev, (list, tuple)):
            raise TypeError(f"event {i} is not a pair")
        if len(ev) != 2:
            raise ValueError(f"event {i} does not have 2 fields")
        dt, raw = _parse(i, ev[1])
        per_user.setdefault(ev[0], []).append((dt, raw))
    gap = None if math.isinf(gap_minutes) else timedelta(minutes=gap_minutes)
    out = []
    for user in sorted(per_user):
        stamps = sorted(per_user[user], key=lambda p: p[0])
        start = prev = stamps[0]
        count = 0
        for item in stamps:
            if count and gap is not None and item[0] - prev[0] > gap:
                out.append((user, _seconds(start), _seconds(prev), count))
                start, count = item, 0
            prev = item
            count += 1
        out.append((user, _seconds(start), _seconds(prev), count))
    return out


def _seconds(item):
    dt, raw = item
    return raw if raw is not None else dt.timestamp()
