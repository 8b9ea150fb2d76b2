# expect: wrong_answer
# why: counts only positives strictly above a negative (bisect_left), so a tied pair counts 0 instead of one half
import math
from bisect import bisect_left


def roc_auc(y_true, y_score):
    if len(y_true) != len(y_score):
        raise ValueError("length mismatch")
    if any(label not in (0, 1) for label in y_true):
        raise ValueError("labels must be 0 or 1")
    if any(math.isnan(s) for s in y_score):
        raise ValueError("NaN score")
    pos = [s for label, s in zip(y_true, y_score) if label == 1]
    neg = sorted(s for label, s in zip(y_true, y_score) if label == 0)
    if not pos or not neg:
        raise ValueError("need both classes")
    wins = sum(bisect_left(neg, s) for s in pos)
    return wins / (len(pos) * len(neg))
