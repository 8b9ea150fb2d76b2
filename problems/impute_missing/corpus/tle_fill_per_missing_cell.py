# expect: time_limit_exceeded
# why: computes the column's median again (a fresh sort) for every missing cell: O(R^2 log R) per column on 10 000 rows
import math
from collections import Counter


def _missing(v):
    return v is None or (isinstance(v, float) and math.isnan(v))


def _fill(table, j, numeric):
    vals = [r[j] for r in table if not _missing(r[j])]
    if not vals:
        return None
    if all(isinstance(v, str) for v in vals):
        c = Counter(vals)
        return min(c, key=lambda w: (-c[w], w))
    if any(isinstance(v, str) for v in vals):
        raise TypeError("mixed")
    if numeric == "mean":
        return sum(vals) / len(vals)
    s = sorted(vals)
    m = len(s) // 2
    return s[m] if len(s) % 2 else (s[m - 1] + s[m]) / 2


def impute_missing(table, numeric="median"):
    if numeric not in ("median", "mean"):
        raise ValueError("bad numeric")
    if len({len(r) for r in table}) > 1:
        raise ValueError("ragged")
    out = [list(r) for r in table]
    width = len(table[0]) if table else 0
    for j in range(width):
        _fill(table, j, numeric)  # raises for a mixed column even without holes
    for i, row in enumerate(table):
        for j, v in enumerate(row):
            if _missing(v):
                fill = _fill(table, j, numeric)
                if fill is not None:
                    out[i][j] = fill
    return out
