# expect: time_limit_exceeded
# why: the definition as written: every positive against every negative, O(P*N) = 2.4e9 comparisons on 100 000 samples
import math


def roc_auc(y_true, y_score):
    if len(y_true) != len(y_score):
        raise ValueError("length mismatch")
    if any(label not in (0, 1) for label in y_true):
        raise ValueError("labels must be 0 or 1")
    if any(math.isnan(s) for s in y_score):
        raise ValueError("NaN score")
    pos = [s for label, s in zip(y_true, y_score) if label == 1]
    neg = [s for label, s in zip(y_true, y_score) if label == 0]
    if not pos or not neg:
        raise ValueError("need both classes")
    total = 0.0
    for p in pos:
        for q in neg:
            if p > q:
                total += 1.0
            elif p == q:
                total += 0.5
    return total / (len(pos) * len(neg))
