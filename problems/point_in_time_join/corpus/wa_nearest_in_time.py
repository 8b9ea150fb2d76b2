# expect: wrong_answer
# why: takes the feature nearest in time on either side (bisect then compare neighbours): future values leak in
import math


def _check_rows(rows, name):
    if not isinstance(rows, (list, tuple)):
        raise TypeError(f"{name} must be a list")
    for i, row in enumerate(rows):
        if not isinstance(row, (list, tuple)):
            raise TypeError(f"{name}[{i}] is not a row")
        if len(row) != 3:
            raise ValueError(f"{name}[{i}] needs 3 items")
        ts = row[1]
        if isinstance(ts, bool) or not isinstance(ts, (int, float)):
            raise TypeError(f"{name}[{i}] timestamp is not a number")
        if math.isnan(ts) or math.isinf(ts):
            raise ValueError(f"{name}[{i}] timestamp is not finite")


def _check_max_age(max_age):
    if max_age is None:
        return
    if isinstance(max_age, bool) or not isinstance(max_age, (int, float)):
        raise TypeError("max_age must be a number")
    if math.isnan(max_age) or max_age < 0:
        raise ValueError("max_age must be >= 0")
import bisect


def point_in_time_join(labels, features, max_age=None):
    _check_rows(labels, "labels")
    _check_rows(features, "features")
    _check_max_age(max_age)
    groups = {}
    for pos, (entity, ts, value) in enumerate(features):
        groups.setdefault(entity, []).append((ts, pos, value))
    times_of = {}
    for entity, rows in groups.items():
        rows.sort(key=lambda r: (r[0], r[1]))
        times_of[entity] = [r[0] for r in rows]
    out = []
    for entity, ts, label in labels:
        value = None
        rows = groups.get(entity, [])
        times = times_of.get(entity, [])
        k = bisect.bisect_right(times, ts)
        best = None
        for j in (k - 1, k):
            if 0 <= j < len(rows) and (best is None or abs(rows[j][0] - ts) < abs(rows[best][0] - ts)):
                best = j
        if best is not None and (max_age is None or abs(ts - rows[best][0]) <= max_age):
            value = rows[best][2]
        out.append((entity, ts, label, value))
    return out
