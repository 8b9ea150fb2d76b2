# expect: wrong_answer
# why: buckets by ISO calendar week (Monday to Sunday) instead of 7-day blocks from t0
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
    last_key = None
    for stamp, t in zip(timestamps, instants):
        key = t.isocalendar()[:2]
        if key != last_key:
            buckets.append([])
            last_key = key
        buckets[-1].append(stamp)
    return buckets
