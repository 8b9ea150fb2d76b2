# expect: accepted
# why: one pass per column collects its values, one sort (or one Counter) gives the fill, new rows are built once.
# time: O(n log n)
# memory: O(n)
import math
from collections import Counter


def _missing(v):
    return v is None or (isinstance(v, float) and math.isnan(v))


def impute_missing(table, numeric="median"):
    if numeric not in ("median", "mean"):
        raise ValueError("bad numeric")
    if len({len(r) for r in table}) > 1:
        raise ValueError("ragged")
    width = len(table[0]) if table else 0
    fills = []
    for j in range(width):
        vals = [r[j] for r in table if not _missing(r[j])]
        if not vals:
            fills.append(None)
        elif all(isinstance(v, str) for v in vals):
            c = Counter(vals)
            fills.append(min(c, key=lambda w: (-c[w], w)))
        elif any(isinstance(v, str) for v in vals):
            raise TypeError("mixed")
        elif numeric == "mean":
            fills.append(sum(vals) / len(vals))
        else:
            s = sorted(vals)
            m = len(s) // 2
            fills.append(s[m] if len(s) % 2 else (s[m - 1] + s[m]) / 2)
    return [[fills[j] if fills[j] is not None and _missing(v) else v for j, v in enumerate(r)] for r in table]
