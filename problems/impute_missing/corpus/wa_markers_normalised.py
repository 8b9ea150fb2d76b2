# expect: wrong_answer
# why: a column without values gets fill None, and every missing cell is overwritten with it, so its NaNs turn into None
import math
from collections import Counter


def _missing(v):
    return v is None or (isinstance(v, float) and math.isnan(v))


def _fill(vals, numeric):
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
    width = len(table[0]) if table else 0
    fills = [_fill([r[j] for r in table if not _missing(r[j])], numeric) for j in range(width)]
    return [[fills[j] if _missing(v) else v for j, v in enumerate(r)] for r in table]
