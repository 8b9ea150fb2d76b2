# expect: time_limit_exceeded
# why: the definition as written: every positive compared with every negative. (No memory class: its
#   O(n) lists are measured only at the small sizes its quadratic time reaches, where constants dominate.)
# time: O(n^2)
import math


def roc_auc(y_true, y_score):
    if len(y_true) != len(y_score):
        raise ValueError("lengths differ")
    if any(label not in (0, 1) for label in y_true) or any(math.isnan(s) for s in y_score):
        raise ValueError("bad label or NaN score")
    positives = [s for label, s in zip(y_true, y_score) if label == 1]
    negatives = [s for label, s in zip(y_true, y_score) if label == 0]
    if not positives or not negatives:
        raise ValueError("need a positive and a negative")
    twice = 0
    for p in positives:
        for q in negatives:
            twice += 2 if p > q else 1 if p == q else 0
    return twice / (2 * len(positives) * len(negatives))
