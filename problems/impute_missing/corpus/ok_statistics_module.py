# expect: accepted
# why: statistics.median / statistics.fmean per column and a Counter with an explicit tie rule; new rows from comprehensions
import math
import statistics
from collections import Counter


def is_missing(x):
    return x is None or (isinstance(x, float) and math.isnan(x))


def impute_missing(table, numeric="median"):
    if numeric not in ("median", "mean"):
        raise ValueError("numeric must be 'median' or 'mean'")
    if any(len(row) != len(table[0]) for row in table):
        raise ValueError("ragged table")
    ncols = len(table[0]) if table else 0
    fills = {}
    for j in range(ncols):
        present = [row[j] for row in table if not is_missing(row[j])]
        if not present:
            continue
        kinds = {isinstance(v, str) for v in present}
        if len(kinds) == 2:
            raise TypeError(f"column {j} mixes numbers and strings")
        if kinds == {True}:
            counts = Counter(present)
            top = max(counts.values())
            fills[j] = min(s for s, c in counts.items() if c == top)
        elif numeric == "median":
            fills[j] = statistics.median(present)
        else:
            fills[j] = statistics.fmean(present)
    return [[fills[j] if j in fills and is_missing(v) else v for j, v in enumerate(row)] for row in table]
