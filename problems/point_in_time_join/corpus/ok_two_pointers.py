# expect: accepted
# why: per entity, label positions sorted by time and features sorted by (time, position); one pointer
#   walks the features while the labels go up in time
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

from collections import defaultdict


def point_in_time_join(labels, features, max_age=None):
    _check_rows(labels, "labels")
    _check_rows(features, "features")
    _check_max_age(max_age)
    feats = defaultdict(list)
    for j, row in enumerate(features):
        feats[row[0]].append(j)
    wanted = defaultdict(list)
    for i, row in enumerate(labels):
        wanted[row[0]].append(i)
    out = [None] * len(labels)
    for entity, label_ids in wanted.items():
        label_ids.sort(key=lambda i: labels[i][1])
        feature_ids = sorted(feats.get(entity, []), key=lambda j: (features[j][1], j))
        p = -1
        for i in label_ids:
            t = labels[i][1]
            while p + 1 < len(feature_ids) and features[feature_ids[p + 1]][1] <= t:
                p += 1
            value = None
            if p >= 0:
                seen = features[feature_ids[p]][1]
                if max_age is None or t - seen <= max_age:
                    value = features[feature_ids[p]][2]
            out[i] = value
    return [tuple(labels[i]) + (out[i],) for i in range(len(labels))]
