# expect: runtime_error
# why: reads a date alone as a datetime.date, which cannot be compared with or subtracted from a datetime
from datetime import date, datetime, timedelta

WEEK = timedelta(days=7)


def parse(stamp):
    if not isinstance(stamp, str):
        raise TypeError("timestamps must be strings")
    if len(stamp) == 10:
        return date.fromisoformat(stamp)
    return datetime.fromisoformat(stamp)


def weekly_buckets(timestamps):
    instants = [parse(s) for s in timestamps]
    if len({getattr(t, "tzinfo", None) is None for t in instants}) > 1:
        raise ValueError("mixed naive and aware timestamps")
    for a, b in zip(instants, instants[1:]):
        if b < a:
            raise ValueError("timestamps out of order")
    buckets = []
    last_week = None
    for stamp, t in zip(timestamps, instants):
        week = (t - instants[0]) // WEEK
        if week != last_week:
            buckets.append([])
            last_week = week
        buckets[-1].append(stamp)
    return buckets
