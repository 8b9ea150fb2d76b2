# expect: accepted
# why: sorts the negatives once; two bisections per positive count the negatives below and tied with it.
# time: O(n log n)
# memory: O(n)
import math
from bisect import bisect_left, bisect_right


def roc_auc(y_true, y_score):
    if len(y_true) != len(y_score):
        raise ValueError("lengths differ")
    positives, negatives = [], []
    for label, score in zip(y_true, y_score):
        if math.isnan(score):
            raise ValueError("NaN score")
        if label == 1:
            positives.append(score)
        elif label == 0:
            negatives.append(score)
        else:
            raise ValueError("labels must be 0 or 1")
    if not positives or not negatives:
        raise ValueError("need a positive and a negative")
    negatives.sort()
    twice = sum(bisect_left(negatives, s) + bisect_right(negatives, s) for s in positives)
    return twice / (2 * len(positives) * len(negatives))
