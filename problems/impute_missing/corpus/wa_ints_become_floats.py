# expect: wrong_answer
# why: NumPy: converts a numeric column to a float array, fills the NaNs with np.nanmedian and writes the whole column back, so every int becomes a float
import numpy as np
from collections import Counter


def impute_missing(table, numeric="median"):
    if numeric not in ("median", "mean"):
        raise ValueError("bad numeric")
    if len({len(r) for r in table}) > 1:
        raise ValueError("ragged")
    out = [list(r) for r in table]
    for j in range(len(table[0]) if table else 0):
        col = [r[j] for r in table]
        present = [v for v in col if v is not None and not (isinstance(v, float) and v != v)]
        if not present:
            continue
        if all(isinstance(v, str) for v in present):
            c = Counter(present)
            fill = min(c, key=lambda w: (-c[w], w))
            for row in out:
                if row[j] is None or (isinstance(row[j], float) and row[j] != row[j]):
                    row[j] = fill
            continue
        if any(isinstance(v, str) for v in present):
            raise TypeError("mixed")
        arr = np.array([np.nan if v is None else v for v in col], dtype=float)
        fill = np.nanmedian(arr) if numeric == "median" else np.nanmean(arr)
        arr[np.isnan(arr)] = fill
        for row, v in zip(out, arr.tolist()):
            row[j] = v
    return out
