# expect: wrong_answer
# why: forgets the single-class case: P * N is 0 and the division raises ZeroDivisionError, not the ValueError the contract names
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
    neg.sort()
    twice = sum(bisect_left(neg, s) + bisect_right(neg, s) for s in pos)
    return twice / (2 * len(pos) * len(neg))
