# expect: wrong_answer
# why: decides a column's type from its first present value: a column that starts with a string goes to the
#   Counter, which takes numbers too, so ["a", "a", 1] is filled with "a" instead of raising TypeError
#   (a column that starts with a number still fails, by accident, in sorted() or sum())
import math
from collections import Counter


def is_missing(x):
    return x is None or (isinstance(x, float) and math.isnan(x))


def impute_missing(table, numeric="median"):
    if numeric not in ("median", "mean"):
        raise ValueError(f"unknown numeric rule: {numeric}")
    if not table:
        return []
    width = len(table[0])
    for row in table:
        if len(row) != width:
            raise ValueError("rows have different lengths")

    fills = []
    for c in range(width):
        values = [row[c] for row in table if not is_missing(row[c])]
        if not values:
            fills.append(None)
        elif isinstance(values[0], str):
            counts = Counter(values)
            best = max(counts.values())
            fills.append(min(v for v, n in counts.items() if n == best))
        elif numeric == "mean":
            fills.append(sum(values) / len(values))
        else:
            s = sorted(values)
            mid = len(s) // 2
            fills.append(s[mid] if len(s) % 2 else (s[mid - 1] + s[mid]) / 2)

    return [[fills[c] if fills[c] is not None and is_missing(v) else v for c, v in enumerate(row)]
            for row in table]
