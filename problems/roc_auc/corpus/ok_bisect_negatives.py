# expect: accepted
# why: sorts only the negatives, then two bisections per positive count the negatives below and tied: O(n log n)
import math
from bisect import bisect_left, bisect_right


def roc_auc(y_true, y_score):
    if len(y_true) != len(y_score):
        raise ValueError("y_true and y_score differ in length")
    positives, negatives = [], []
    for label, score in zip(y_true, y_score):
        if math.isnan(score):
            raise ValueError("NaN score")
        if label == 1:
            positives.append(score)
        elif label == 0:
            negatives.append(score)
        else:
            raise ValueError("label must be 0 or 1")
    if not positives or not negatives:
        raise ValueError("AUC needs positives and negatives")
    negatives.sort()
    half_wins = 0
    for score in positives:
        below = bisect_left(negatives, score)
        tied = bisect_right(negatives, score) - below
        half_wins += 2 * below + tied
    return half_wins / 2 / len(positives) / len(negatives)
