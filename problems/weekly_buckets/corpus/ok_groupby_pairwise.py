# expect: accepted
# why: fromisoformat, validation with pairwise, then itertools.groupby on the week index
from datetime import datetime, timedelta
from itertools import groupby, pairwise

SEVEN_DAYS = timedelta(weeks=1)


def to_datetime(text):
    if not isinstance(text, str):
        raise TypeError(f"expected str, got {type(text).__name__}")
    return datetime.fromisoformat(text)


def weekly_buckets(timestamps):
    moments = list(map(to_datetime, timestamps))
    if not moments:
        return []
    if len({m.utcoffset() is None for m in moments}) != 1:
        raise ValueError("naive and aware timestamps mixed")
    if any(b < a for a, b in pairwise(moments)):
        raise ValueError("timestamps must be non-decreasing")
    start = moments[0]
    by_week = groupby(zip(timestamps, moments), key=lambda pair: (pair[1] - start) // SEVEN_DAYS)
    return [[text for text, _ in group] for _, group in by_week]
