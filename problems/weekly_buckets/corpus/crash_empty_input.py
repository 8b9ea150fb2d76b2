# expect: runtime_error
# why: reads timestamps[0] before looking at the length, so [] raises IndexError
from datetime import datetime, timedelta

WEEK = timedelta(days=7)


def parse(stamp):
    if not isinstance(stamp, str):
        raise TypeError("timestamps must be strings")
    return datetime.fromisoformat(stamp)


def check(instants):
    if len({t.tzinfo is None for t in instants}) > 1:
        raise ValueError("mixed naive and aware timestamps")
    for a, b in zip(instants, instants[1:]):
        if b < a:
            raise ValueError("timestamps out of order")



def weekly_buckets(timestamps):
    instants = [parse(s) for s in timestamps]
    check(instants)
    t0 = instants[0]
    buckets = []
    last_week = None
    for stamp, t in zip(timestamps, instants):
        week = (t - t0) // WEEK
        if week != last_week:
            buckets.append([])
            last_week = week
        buckets[-1].append(stamp)
    return buckets
