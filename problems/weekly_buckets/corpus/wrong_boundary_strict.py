# expect: wrong_answer
# why: uses > instead of >= at the week end, so exactly 7 days after t0 stays in week 0
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
    buckets = [[]]
    week_end = instants[0] + WEEK
    for stamp, t in zip(timestamps, instants):
        if t > week_end:
            buckets.append([])
            while t > week_end:
                week_end += WEEK
        buckets[-1].append(stamp)
    return buckets
