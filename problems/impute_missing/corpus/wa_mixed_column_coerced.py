# expect: wrong_answer
# why: a column with any number is numeric and its values are coerced with float(): "0" passes silently and "a" raises ValueError, never TypeError
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
        else:
            nums = sorted(float(v) for v in vals)
            if numeric == "mean":
                fill = sum(nums) / len(nums)
            else:
                m = len(nums) // 2
                fill = nums[m] if len(nums) % 2 else (nums[m - 1] + nums[m]) / 2
        for row in out:
            if _missing(row[j]):
                row[j] = fill
    return out
