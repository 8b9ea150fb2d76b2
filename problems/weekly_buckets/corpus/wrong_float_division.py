# expect: wrong_answer
# why: week from total_seconds() as a float: over long spans the microsecond before a boundary rounds up
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
    buckets = []
    last_week = None
    for stamp, t in zip(timestamps, instants):
        week = int((t - instants[0]).total_seconds() // (7 * 24 * 3600))
        if week != last_week:
            buckets.append([])
            last_week = week
        buckets[-1].append(stamp)
    return buckets
