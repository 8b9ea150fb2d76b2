# expect: wrong_answer
# why: validates a feature row only when a label asks for its entity: a bad row of an unused entity passes

from __future__ import annotations

import math
from bisect import bisect_right


def _rows(rows, name: str) -> list:
    if not isinstance(rows, (list, tuple)):
        raise TypeError(f"{name} must be a list or tuple of rows")
    for index, row in enumerate(rows):
        if not isinstance(row, (list, tuple)):
            raise TypeError(f"{name}[{index}] is not a list or tuple")
        if len(row) != 3:
            raise ValueError(f"{name}[{index}] has {len(row)} items, not 3")
        ts = row[1]
        if isinstance(ts, bool) or not isinstance(ts, (int, float)):
            raise TypeError(f"{name}[{index}]: timestamp {ts!r} is not a number")
        if not math.isfinite(ts):
            raise ValueError(f"{name}[{index}]: timestamp {ts!r} is not finite")
    return list(rows)


def point_in_time_join(labels, features, max_age=None) -> list[tuple]:
    labels = _rows(labels, "labels")
    if not isinstance(features, (list, tuple)):
        raise TypeError("features must be a list or tuple of rows")
    if max_age is not None:
        if isinstance(max_age, bool) or not isinstance(max_age, (int, float)):
            raise TypeError(f"max_age {max_age!r} is not a number")
        if math.isnan(max_age) or max_age < 0:
            raise ValueError(f"max_age {max_age!r} must be >= 0")

    wanted = {row[0] for row in labels}
    features = _rows([row for row in features if isinstance(row, (list, tuple)) and len(row) == 3 and row[0] in wanted], "features")
    by_entity: dict = {}
    for index, (entity, ts, value) in enumerate(features):
        by_entity.setdefault(entity, []).append((ts, index, value))
    times: dict = {}
    for entity, rows in by_entity.items():
        rows.sort(key=lambda row: (row[0], row[1]))  # equal times: input order, so the last is latest
        times[entity] = [row[0] for row in rows]

    joined = []
    for entity, ts, label in labels:
        value = None
        rows = by_entity.get(entity)
        if rows is not None:
            position = bisect_right(times[entity], ts)
            if position:
                seen, _, candidate = rows[position - 1]
                if max_age is None or ts - seen <= max_age:
                    value = candidate
        joined.append((entity, ts, label, value))
    return joined
