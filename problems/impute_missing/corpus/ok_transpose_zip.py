# expect: accepted
# why: transposes with zip(*table), fills each column, transposes back; math.fsum for the mean, a dict tally for strings
import math


def impute_missing(table, numeric="median"):
    if numeric != "median" and numeric != "mean":
        raise ValueError("unknown numeric strategy")
    if len(set(map(len, table))) > 1:
        raise ValueError("rows must have equal length")
    if not table or not table[0]:
        return [[] for _ in table]
    columns = [list(col) for col in zip(*table)]
    for col in columns:
        gaps = [i for i, v in enumerate(col) if v is None or (type(v) is float and math.isnan(v))]
        gap_set = set(gaps)
        values = [v for i, v in enumerate(col) if i not in gap_set]
        if not values:
            continue
        texts = sum(1 for v in values if isinstance(v, str))
        if texts and texts != len(values):
            raise TypeError("a column cannot hold both numbers and strings")
        if not gaps:
            continue
        if texts:
            tally = {}
            for v in values:
                tally[v] = tally.get(v, 0) + 1
            best = max(tally.values())
            fill = sorted(w for w in tally if tally[w] == best)[0]
        elif numeric == "mean":
            fill = math.fsum(values) / len(values)
        else:
            s = sorted(values)
            k = len(s)
            fill = s[k // 2] if k % 2 else (s[k // 2 - 1] + s[k // 2]) / 2
        for i in gaps:
            col[i] = fill
    return [list(row) for row in zip(*columns)]
