# expect: wrong_answer
# why: no NaN check: a NaN score is sorted somewhere arbitrary and an AUC is returned instead of a ValueError
from bisect import bisect_left, bisect_right


def roc_auc(y_true, y_score):
    if len(y_true) != len(y_score):
        raise ValueError("length mismatch")
    pos, neg = [], []
    for label, score in zip(y_true, y_score):
        if label == 1:
            pos.append(score)
        elif label == 0:
            neg.append(score)
        else:
            raise ValueError("labels must be 0 or 1")
    if not pos or not neg:
        raise ValueError("need both classes")
    neg.sort()
    twice = sum(bisect_left(neg, s) + bisect_right(neg, s) for s in pos)
    return twice / (2 * len(pos) * len(neg))
