# expect: wrong_answer
# why: walks the ROC curve one sample at a time, so a group of tied scores makes a staircase whose area depends on the sort order
import math


def roc_auc(y_true, y_score):
    if len(y_true) != len(y_score):
        raise ValueError("length mismatch")
    if any(label not in (0, 1) for label in y_true):
        raise ValueError("labels must be 0 or 1")
    if any(math.isnan(s) for s in y_score):
        raise ValueError("NaN score")
    pairs = sorted(zip(y_score, y_true), key=lambda p: p[0], reverse=True)
    P = sum(1 for _, label in pairs if label == 1)
    N = len(pairs) - P
    if P == 0 or N == 0:
        raise ValueError("need both classes")
    tp = fp = 0
    area = 0.0
    for _, label in pairs:
        if label == 1:
            tp += 1
        else:
            fp += 1
            area += tp  # a step right at the current height
    return area / (P * N)
