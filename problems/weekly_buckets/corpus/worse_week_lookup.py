# expect: time_limit_exceeded
# why: each timestamp looks its week up in a list of the weeks seen so far (list membership + index).
# time: O(n^2)
# memory: O(n)
import datetime


def weekly_buckets(timestamps):
    weeks = []
    buckets = []
    first = previous = None
    for raw in timestamps:
        if not isinstance(raw, str):
            raise TypeError("timestamps must be str")
        moment = datetime.datetime.fromisoformat(raw)
        if first is None:
            first = previous = moment
        if (moment.tzinfo is None) != (first.tzinfo is None):
            raise ValueError("mixture of offset-aware and naive timestamps")
        if moment < previous:
            raise ValueError("timestamps out of order")
        previous = moment
        week = (moment - first).days // 7
        if week in weeks:
            buckets[weeks.index(week)].append(raw)
        else:
            weeks.append(week)
            buckets.append([raw])
    return buckets
