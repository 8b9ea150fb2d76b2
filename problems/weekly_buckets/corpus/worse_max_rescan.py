# expect: time_limit_exceeded
# why: the order check takes max() over every timestamp parsed so far, for each new one.
# time: O(n^2)
# memory: O(n)
import datetime

WEEK = datetime.timedelta(days=7)


def weekly_buckets(timestamps):
    parsed = []
    buckets = []
    current_week = None
    for raw in timestamps:
        if not isinstance(raw, str):
            raise TypeError("timestamps must be str")
        moment = datetime.datetime.fromisoformat(raw)
        if parsed and (moment.tzinfo is None) != (parsed[0].tzinfo is None):
            raise ValueError("mixture of offset-aware and naive timestamps")
        if parsed and max(parsed) > moment:
            raise ValueError("timestamps out of order")
        parsed.append(moment)
        week = (moment - parsed[0]) // WEEK
        if week != current_week:
            buckets.append([])
            current_week = week
        buckets[-1].append(raw)
    return buckets
