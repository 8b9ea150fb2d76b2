# expect: accepted
# why: per entity, labels and features merged into one time-sorted event list (features first at equal
#   times), swept once while remembering the latest feature; answers written back by label position
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


def point_in_time_join(labels, features, max_age=None):
    _check_rows(labels, "labels")
    _check_rows(features, "features")
    _check_max_age(max_age)
    events = {}
    for j, (entity, ts, value) in enumerate(features):
        events.setdefault(entity, []).append((ts, 0, j, value))
    for i, (entity, ts, _label) in enumerate(labels):
        if entity in events:
            events[entity].append((ts, 1, i, None))
    values = [None] * len(labels)
    for entity_events in events.values():
        entity_events.sort(key=lambda ev: (ev[0], ev[1], ev[2]))
        latest = None
        for ts, kind, pos, value in entity_events:
            if kind == 0:
                latest = (ts, value)
            elif latest is not None and (max_age is None or ts - latest[0] <= max_age):
                values[pos] = latest[1]
    return [(row[0], row[1], row[2], values[i]) for i, row in enumerate(labels)]
