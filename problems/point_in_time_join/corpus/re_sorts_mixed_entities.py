# expect: runtime_error
# why: one global sort by (entity, ts): entities 7 and "a" in one table cannot be compared (TypeError)
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
    rows = sorted(((e, t, j, v) for j, (e, t, v) in enumerate(features)), key=lambda r: (r[0], r[1], r[2]))
    keys = [(r[0], r[1]) for r in rows]
    out = []
    for entity, ts, label in labels:
        k = bisect.bisect_right(keys, (entity, ts)) - 1
        value = None
        if k >= 0 and rows[k][0] == entity and (max_age is None or ts - rows[k][1] <= max_age):
            value = rows[k][3]
        out.append((entity, ts, label, value))
    return out
