# expect: wrong_answer
# why: a new week starts 7 days after the first timestamp of the current bucket, not at t0 + 7k days
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
    window_start = None
    for stamp, t in zip(timestamps, instants):
        if window_start is None or t - window_start >= WEEK:
            buckets.append([])
            window_start = t
        buckets[-1].append(stamp)
    return buckets
