# expect: wrong_answer
# why: returns an empty list for every week without timestamps instead of leaving it out
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
    if not instants:
        return []
    weeks = [(t - instants[0]) // WEEK for t in instants]
    buckets = [[] for _ in range(weeks[-1] + 1)]
    for stamp, week in zip(timestamps, weeks):
        buckets[week].append(stamp)
    return buckets
