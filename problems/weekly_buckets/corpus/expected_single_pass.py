# expect: accepted
# why: one pass; the week of each timestamp is computed from t0, and a new bucket opens when it changes.
# time: O(n)
# memory: O(n)
import datetime

WEEK = datetime.timedelta(days=7)


def weekly_buckets(timestamps):
    buckets = []
    first = previous = None
    current_week = None
    for raw in timestamps:
        if not isinstance(raw, str):
            raise TypeError(f"timestamps must be str, got {type(raw).__name__}")
        moment = datetime.datetime.fromisoformat(raw)
        if first is None:
            first = previous = moment
        if (moment.tzinfo is None) != (first.tzinfo is None):
            raise ValueError("mixture of offset-aware and naive timestamps")
        if moment < previous:
            raise ValueError(f"{raw} comes before the timestamp preceding it")
        week = (moment - first) // WEEK
        if week != current_week:
            buckets.append([])
            current_week = week
        buckets[-1].append(raw)
        previous = moment
    return buckets
