# expect: runtime_error
# why: validates scores with math.isfinite, so an infinite score raises ValueError instead of being an ordinary score
import math
from collections import Counter


def roc_auc(y_true, y_score):
    if len(y_true) != len(y_score):
        raise ValueError("length mismatch")
    if any(label not in (0, 1) for label in y_true):
        raise ValueError("labels must be 0 or 1")
    if not all(math.isfinite(s) for s in y_score):
        raise ValueError("scores must be finite numbers")
    pos = Counter(s for label, s in zip(y_true, y_score) if label == 1)
    neg = Counter(s for label, s in zip(y_true, y_score) if label == 0)
    P, N = sum(pos.values()), sum(neg.values())
    if P == 0 or N == 0:
        raise ValueError("need both classes")
    twice, below = 0, 0
    for value in sorted(set(pos) | set(neg)):
        twice += pos[value] * (2 * below + neg[value])
        below += neg[value]
    return twice / (2 * P * N)
