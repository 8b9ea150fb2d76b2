# expect: wrong_answer
# why: finds missing cells with `if not cell` (or a NaN check), so 0, 0.0 and "" are treated as missing and overwritten
import math
from collections import Counter


def impute_missing(table, numeric="median"):
    if numeric not in ("median", "mean"):
        raise ValueError("bad numeric")
    if len({len(r) for r in table}) > 1:
        raise ValueError("ragged")
    out = [list(r) for r in table]
    for j in range(len(table[0]) if table else 0):
        col = [r[j] for r in table]
        gone = [not v or (isinstance(v, float) and math.isnan(v)) for v in col]
        vals = [v for v, g in zip(col, gone) if not g]
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
        for i, g in enumerate(gone):
            if g:
                out[i][j] = fill
    return out
