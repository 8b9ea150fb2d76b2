# expect: accepted
# why: NumPy per column (np.median / mean of the values as a float array, np.unique counts for strings); only the missing cells are written
import numpy as np


def _missing(v):
    return v is None or (isinstance(v, float) and v != v)


def impute_missing(table, numeric="median"):
    if numeric not in {"median", "mean"}:
        raise ValueError(numeric)
    lengths = {len(r) for r in table}
    if len(lengths) > 1:
        raise ValueError("rows differ in length")
    out = [list(r) for r in table]
    width = lengths.pop() if lengths else 0
    for j in range(width):
        holes = [i for i, r in enumerate(table) if _missing(r[j])]
        values = [r[j] for r in table if not _missing(r[j])]
        if not holes or not values:
            if values and any(isinstance(v, str) for v in values) and not all(isinstance(v, str) for v in values):
                raise TypeError("mixed column")
            continue
        n_str = sum(isinstance(v, str) for v in values)
        if 0 < n_str < len(values):
            raise TypeError("mixed column")
        if n_str:
            words, counts = np.unique(np.array(values, dtype=object).astype(str), return_counts=True)
            fill = str(words[int(np.argmax(counts))])  # argmax takes the first, i.e. smallest, of the ties
        else:
            arr = np.asarray(values, dtype=float)
            fill = float(np.median(arr) if numeric == "median" else arr.mean())
        for i in holes:
            out[i][j] = fill
    return out
