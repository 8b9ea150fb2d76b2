# expect: wrong_answer
# why: treats the strings "NaN", "nan" and "None" as missing too (str(cell).lower() in a list of null spellings)
import math
from collections import Counter

NULLS = {"nan", "none", "null"}


def _missing(v):
    return v is None or str(v).lower() in NULLS


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
            s = sorted(vals)
            m = len(s) // 2
            fill = s[m] if len(s) % 2 else (s[m - 1] + s[m]) / 2
        for row in out:
            if _missing(row[j]):
                row[j] = fill
    return out
