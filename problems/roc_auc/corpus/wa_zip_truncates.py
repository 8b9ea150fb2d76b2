# expect: wrong_answer
# why: never compares the lengths: zip stops at the shorter argument and the extra labels or scores are ignored
import math
from bisect import bisect_left, bisect_right


def roc_auc(y_true, y_score):
    pos, neg = [], []
    for label, score in zip(y_true, y_score):
        if label not in (0, 1):
            raise ValueError("labels must be 0 or 1")
        if math.isnan(score):
            raise ValueError("NaN score")
        (pos if label == 1 else neg).append(score)
    if not pos or not neg:
        raise ValueError("need both classes")
    neg.sort()
    twice = sum(bisect_left(neg, s) + bisect_right(neg, s) for s in pos)
    return twice / (2 * len(pos) * len(neg))
