# expect: time_limit_exceeded
# why: rescans the whole input once per distinct week: O(n * weeks), hopeless for 200k daily stamps
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
    weeks = [(t - instants[0]) // WEEK for t in instants]
    return [
        [stamp for stamp, w in zip(timestamps, weeks) if w == week]
        for week in sorted(set(weeks))
    ]
