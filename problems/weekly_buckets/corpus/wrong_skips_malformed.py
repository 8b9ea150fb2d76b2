# expect: wrong_answer
# why: silently skips strings it cannot parse instead of raising ValueError
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
    kept, instants = [], []
    for stamp in timestamps:
        try:
            instants.append(parse(stamp))
        except ValueError:
            continue
        kept.append(stamp)
    check(instants)
    buckets = []
    last_week = None
    for stamp, t in zip(kept, instants):
        week = (t - instants[0]) // WEEK
        if week != last_week:
            buckets.append([])
            last_week = week
        buckets[-1].append(stamp)
    return buckets
