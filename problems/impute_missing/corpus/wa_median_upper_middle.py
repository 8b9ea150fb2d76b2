# expect: wrong_answer
# why: takes sorted(values)[len // 2] as the median, which for an even count is the upper middle value, not the mean of the two
import math
from collections import Counter


def _missing(v):
    return v is None or (isinstance(v, float) and math.isnan(v))


def impute_missing(table, numeric="median"):
    if numeric not in ("median", "mean"):
        raise ValueError("bad numeric")
    if len({len(r) for r in table}) > 1:
        raise ValueError("ragged")
    out = [list(r) for r in table]
    for j in range(len(table[0]) if table else 0):
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
            fill = sorted(vals)[len(vals) // 2]
        for row in out:
            if _missing(row[j]):
                row[j] = fill
    return out
