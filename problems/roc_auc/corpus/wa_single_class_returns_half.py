# expect: wrong_answer
# why: returns 0.5 ("no information") when there is no positive or no negative, instead of raising ValueError
import math
from bisect import bisect_left, bisect_right


def roc_auc(y_true, y_score):
    if len(y_true) != len(y_score):
        raise ValueError("length mismatch")
    pos, neg = [], []
    for label, score in zip(y_true, y_score):
        if math.isnan(score):
            raise ValueError("NaN score")
        if label == 1:
            pos.append(score)
        elif label == 0:
            neg.append(score)
        else:
            raise ValueError("labels must be 0 or 1")
    if not pos or not neg:
        return 0.5
    neg.sort()
    twice = sum(bisect_left(neg, s) + bisect_right(neg, s) for s in pos)
    return twice / (2 * len(pos) * len(neg))
