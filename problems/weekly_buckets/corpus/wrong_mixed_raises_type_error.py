# expect: wrong_answer
# why: never checks naive against aware, so mixing them leaks Python's TypeError instead of ValueError
from datetime import datetime, timedelta

WEEK = timedelta(days=7)


def weekly_buckets(timestamps):
    instants = []
    for stamp in timestamps:
        if not isinstance(stamp, str):
            raise TypeError("timestamps must be strings")
        instants.append(datetime.fromisoformat(stamp))
    buckets = []
    last_week = None
    for i, (stamp, t) in enumerate(zip(timestamps, instants)):
        if i and t < instants[i - 1]:
            raise ValueError("timestamps out of order")
        week = (t - instants[0]) // WEEK
        if week != last_week:
            buckets.append([])
            last_week = week
        buckets[-1].append(stamp)
    return buckets
