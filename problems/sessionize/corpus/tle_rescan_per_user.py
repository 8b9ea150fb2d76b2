# expect: time_limit_exceeded
# why: the float-epoch version, but each distinct user rescans the whole event list for its events:
#   O(n * users), 4e9 steps on 200,000 events of 20,000 users
# time: O(n^2)
import math
from datetime import datetime


def sessionize(events, gap_minutes=30):
    if type(gap_minutes) not in (int, float):
        raise TypeError("gap_minutes must be int or float")
    if math.isnan(gap_minutes) or gap_minutes < 0:
        raise ValueError("gap_minutes must be non-negative")
    if not isinstance(events, (list, tuple)):
        raise TypeError("events must be a list")
    rows = []
    for idx, event in enumerate(events):
        if not isinstance(event, (list, tuple)):
            raise TypeError(f"event at index {idx} is not a tuple")
        if len(event) != 2:
            raise ValueError(f"event at index {idx} must be (user_id, timestamp)")
        user, ts = event
        if type(ts) in (int, float):
            if not math.isfinite(ts):
                raise ValueError(f"event at index {idx}: timestamp must be finite")
            seconds = float(ts)
        elif type(ts) is str:
            try:
                parsed = datetime.fromisoformat(ts)
            except ValueError:
                raise ValueError(f"event at index {idx}: cannot parse {ts!r}") from None
            if parsed.utcoffset() is None:
                raise ValueError(f"event at index {idx}: missing UTC offset")
            seconds = parsed.timestamp()
        else:
            raise TypeError(f"event at index {idx}: timestamp must be a number or a string")
        rows.append((user, seconds))
    limit = gap_minutes * 60.0
    sessions = []
    for user in sorted({r[0] for r in rows}):
        prev = None
        for t in sorted(t for u, t in rows if u == user):
            if prev is None or t - prev > limit:
                sessions.append([user, t, t, 0])
            sessions[-1][2] = t
            sessions[-1][3] += 1
            prev = t
    return [tuple(s) for s in sessions]
