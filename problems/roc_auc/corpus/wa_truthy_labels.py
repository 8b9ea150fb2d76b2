# expect: wrong_answer
# why: treats any truthy label as positive (`if label:`), so a label of 2 or 0.5 is silently a positive instead of a ValueError
import math
from bisect import bisect_left, bisect_right


def roc_auc(y_true, y_score):
    if len(y_true) != len(y_score):
        raise ValueError("length mismatch")
    pos, neg = [], []
    for label, score in zip(y_true, y_score):
        if math.isnan(score):
            raise ValueError("NaN score")
        if label:
            pos.append(score)
        else:
            neg.append(score)
    if not pos or not neg:
        raise ValueError("need both classes")
    neg.sort()
    twice = sum(bisect_left(neg, s) + bisect_right(neg, s) for s in pos)
    return twice / (2 * len(pos) * len(neg))
