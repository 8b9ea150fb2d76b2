# expect: forbidden_import
# why: numpy is not allowed for this problem (standard library only)
from datetime import UTC, datetime, timedelta

import numpy as np

US_PER_WEEK = 7 * 86_400 * 10**6


EPOCH = datetime(1970, 1, 1)


def _utc_micros(t):
    if t.tzinfo is not None:
        t = t.astimezone(UTC).replace(tzinfo=None)
    return (t - EPOCH) // timedelta(microseconds=1)


def weekly_buckets(timestamps):
    for stamp in timestamps:
        if not isinstance(stamp, str):
            raise TypeError("timestamps must be strings")
    parsed = [datetime.fromisoformat(s) for s in timestamps]
    if not parsed:
        return []
    if len({t.tzinfo is None for t in parsed}) > 1:
        raise ValueError("mixed naive and aware timestamps")
    micros = np.array([_utc_micros(t) for t in parsed], dtype=np.int64)
    if np.any(np.diff(micros) < 0):
        raise ValueError("timestamps out of order")
    weeks = (micros - micros[0]) // US_PER_WEEK
    cuts = np.flatnonzero(np.diff(weeks)) + 1
    bounds = [0, *cuts.tolist(), len(timestamps)]
    return [list(timestamps[a:b]) for a, b in zip(bounds, bounds[1:])]
