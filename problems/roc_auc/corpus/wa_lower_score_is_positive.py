# expect: wrong_answer
# why: sorts the scores descending and then counts negatives ranked before each positive, so it returns 1 - AUC
import math


def roc_auc(y_true, y_score):
    if len(y_true) != len(y_score):
        raise ValueError("length mismatch")
    if any(label not in (0, 1) for label in y_true):
        raise ValueError("labels must be 0 or 1")
    if any(math.isnan(s) for s in y_score):
        raise ValueError("NaN score")
    pairs = sorted(zip(y_score, y_true), key=lambda p: -p[0])
    P = sum(1 for _, label in pairs if label == 1)
    N = len(pairs) - P
    if P == 0 or N == 0:
        raise ValueError("need both classes")
    twice = 0
    negatives_before = 0
    i = 0
    while i < len(pairs):
        j = i
        while j < len(pairs) and pairs[j][0] == pairs[i][0]:
            j += 1
        group = [label for _, label in pairs[i:j]]
        pos, neg = group.count(1), len(group) - group.count(1)
        twice += pos * (2 * negatives_before + neg)
        negatives_before += neg
        i = j
    return twice / (2 * P * N)
