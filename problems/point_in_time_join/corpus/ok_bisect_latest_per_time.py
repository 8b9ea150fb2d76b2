# expect: accepted
# why: a dict (entity, ts) -> value overwritten in input order keeps the last of each tie; then sorted
#   distinct times per entity and bisect_right
# time: O(n log n)
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
    last = {}
    for entity, ts, value in features:
        last.setdefault(entity, {})[ts] = value  # a later row at the same time replaces the earlier one
    index = {entity: sorted(times) for entity, times in last.items()}
    result = []
    for entity, ts, label in labels:
        value = None
        times = index.get(entity)
        if times:
            k = bisect.bisect_right(times, ts) - 1
            if k >= 0 and (max_age is None or ts - times[k] <= max_age):
                value = last[entity][times[k]]
        result.append([entity, ts, label, value])
    return result
