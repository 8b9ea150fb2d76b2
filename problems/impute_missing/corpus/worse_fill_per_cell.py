# expect: time_limit_exceeded
# why: recomputes the column's median (a fresh sort of the column) for every missing cell: O(n^2 log n).
#   (No memory class: its O(n) copies are measured only at the small sizes its time reaches.)
# time: O(n^2)
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
    out = []
    for row in table:
        new = list(row)
        for j, v in enumerate(row):
            if _missing(v):
                fill = _fill(table, j, numeric)
                if fill is not None:
                    new[j] = fill
        out.append(new)
    return out
