# expect: runtime_error
# why: reads len(table[0]) before looking at the table, so [] raises IndexError instead of returning []
import math
from collections import Counter


def _missing(v):
    return v is None or (isinstance(v, float) and math.isnan(v))


def impute_missing(table, numeric="median"):
    if numeric not in ("median", "mean"):
        raise ValueError("bad numeric")
    width = len(table[0])
    if any(len(r) != width for r in table):
        raise ValueError("ragged")
    out = [list(r) for r in table]
    for j in range(width):
        vals = [r[j] for r in table if not _missing(r[j])]
        if not vals:
            continue
        if all(isinstance(v, str) for v in vals):
            c = Counter(vals)
            fill = min(c, key=lambda w: (-c[w], w))
        elif any(isinstance(v, str) for v in vals):
            raise TypeError("mixed")
        elif numeric == "mean":
            fill = sum(vals) / len(vals)
        else:
            s = sorted(vals)
            m = len(s) // 2
            fill = s[m] if len(s) % 2 else (s[m - 1] + s[m]) / 2
        for row in out:
            if _missing(row[j]):
                row[j] = fill
    return out
