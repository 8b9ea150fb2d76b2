# expect: time_limit_exceeded
# why: for every label, scans every feature row: O(n*m), 1e10 steps on the large inputs
# time: O(n^2)
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

def point_in_time_join(labels, features, max_age=None):
    _check_rows(labels, "labels")
    _check_rows(features, "features")
    _check_max_age(max_age)
    out = []
    for entity, ts, label in labels:
        best = None
        for f_entity, f_ts, f_value in features:
            if f_entity == entity and f_ts <= ts and (best is None or f_ts >= best[0]):
                best = (f_ts, f_value)
        value = None
        if best is not None and (max_age is None or ts - best[0] <= max_age):
            value = best[1]
        out.append((entity, ts, label, value))
    return out
