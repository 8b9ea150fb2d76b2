"""Reference solution for `roc_auc`; runs in the judge process only.

The Mann-Whitney form: sort the (score, label) pairs once, walk the groups of
equal scores from the lowest up, and count for every positive the negatives
strictly below it (one each) and tied with it (one half each). Counts are kept
doubled, as integers, so the only rounding is the final division.
"""

from __future__ import annotations

import math
from itertools import groupby


def roc_auc(y_true, y_score) -> float:
    """P(score of a random positive > score of a random negative), ties count 1/2."""
    labels = [_label(value) for value in y_true]
    scores = list(y_score)
    if len(labels) != len(scores):
        raise ValueError(f"y_true has {len(labels)} labels but y_score has {len(scores)} scores")
    if any(math.isnan(score) for score in scores):
        raise ValueError("y_score contains NaN")
    positives = sum(labels)
    negatives = len(labels) - positives
    if positives == 0 or negatives == 0:
        raise ValueError("ROC AUC needs at least one positive and one negative label")
    twice_wins = 0
    negatives_below = 0
    for _score, group in groupby(sorted(zip(scores, labels), key=lambda pair: pair[0]), key=lambda pair: pair[0]):
        group_labels = [label for _, label in group]
        tied_positives = sum(group_labels)
        tied_negatives = len(group_labels) - tied_positives
        twice_wins += tied_positives * (2 * negatives_below + tied_negatives)
        negatives_below += tied_negatives
    return twice_wins / (2 * positives * negatives)


def _label(value) -> int:
    """1 for a label equal to 1, 0 for one equal to 0 (ints, bools, floats); else ValueError."""
    if value == 1:
        return 1
    if value == 0:
        return 0
    raise ValueError(f"labels must be 0 or 1, got {value!r}")
