# expect: memory_limit_exceeded
# why: forward-fills a dense per-entity array over every time unit from the first feature to the last
#   label: fine for small integer times, billions of slots for epoch milliseconds a few weeks apart
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
    if any(isinstance(row[1], float) and not row[1].is_integer() for row in list(labels) + list(features)):
        scale = 4  # quarter units
    else:
        scale = 1
    by_entity = {}
    for entity, ts, value in features:
        by_entity.setdefault(entity, {})[int(ts * scale)] = value
    ends = {}
    for entity, ts, _ in labels:
        ends[entity] = max(ends.get(entity, int(ts * scale)), int(ts * scale))
    grids = {}
    for entity, points in by_entity.items():
        start = min(points)
        end = max(ends.get(entity, start), start)
        grid = [None] * (end - start + 1)
        last = None
        for i in range(len(grid)):
            if start + i in points:
                last = (start + i, points[start + i])
            grid[i] = last
        grids[entity] = (start, grid)
    out = []
    for entity, ts, label in labels:
        value = None
        if entity in grids:
            start, grid = grids[entity]
            i = int(ts * scale) - start
            if i >= 0:
                hit = grid[min(i, len(grid) - 1)]
                if hit is not None and (max_age is None or ts - hit[0] / scale <= max_age):
                    value = hit[1]
        out.append((entity, ts, label, value))
    return out
