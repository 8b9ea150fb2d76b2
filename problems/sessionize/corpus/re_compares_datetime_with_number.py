# expect: runtime_error
# why: keeps epoch numbers as numbers and strings as datetimes, then sorts them together:
#   comparing a datetime with an int raises TypeError
import math
from datetime import datetime


def sessionize(events, gap_minutes=30):
    if isinstance(gap_minutes, bool) or not isinstance(gap_minutes, (int, float)):
        raise TypeError("gap_minutes must be a number")
    if math.isnan(gap_minutes) or gap_minutes < 0:
        raise ValueError("gap_minutes must be >= 0")
    if not isinstance(events, (list, tuple)):
        raise TypeError("events must be a list")
    per_user = {}
    for i, ev in enumerate(events):
        if not isinstance(ev, (list, tuple)):
            raise TypeError(f"event {i} is not a pair")
        if len(ev) != 2:
            raise ValueError(f"event {i} does not have 2 fields")
        user, ts = ev
        if isinstance(ts, bool) or not isinstance(ts, (int, float, str)):
            raise TypeError(f"event {i}: bad timestamp type")
        if isinstance(ts, str):
            try:
                ts = datetime.fromisoformat(ts)
            except ValueError:
                raise ValueError(f"event {i}: bad timestamp") from None
            if ts.tzinfo is None:
                raise ValueError(f"event {i}: no offset")
        elif not math.isfinite(ts):
            raise ValueError(f"event {i}: not finite")
        per_user.setdefault(user, []).append(ts)
    out = []
    for user in sorted(per_user):
        stamps = sorted(per_user[user])
        def sec(t):
            return t.timestamp() if isinstance(t, datetime) else t
        start = prev = sec(stamps[0])
        count = 0
        for t in map(sec, stamps):
            if count and t - prev > gap_minutes * 60:
                out.append((user, start, prev, count))
                start, count = t, 0
            prev = t
            count += 1
        out.append((user, start, prev, count))
    return out
