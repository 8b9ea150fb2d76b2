# expect: runtime_error
# why: checks labels with `type(label) is int`, so the allowed floats 0.0/1.0 (and NumPy array elements) raise ValueError
import math
from bisect import bisect_left, bisect_right


def roc_auc(y_true, y_score):
    if len(y_true) != len(y_score):
        raise ValueError("length mismatch")
    pos, neg = [], []
    for label, score in zip(y_true, y_score):
        if type(label) not in (int, bool) or label not in (0, 1):
            raise ValueError(f"label must be the int 0 or 1, got {label!r}")
        if math.isnan(score):
            raise ValueError("NaN score")
        (pos if label == 1 else neg).append(score)
    if not pos or not neg:
        raise ValueError("need both classes")
    neg.sort()
    twice = sum(bisect_left(neg, s) + bisect_right(neg, s) for s in pos)
    return twice / (2 * len(pos) * len(neg))
