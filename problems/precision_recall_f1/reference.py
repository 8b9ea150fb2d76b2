"""Reference solution for `precision_recall_f1`; runs in the judge process only.

One pass counts, per label, how often it was predicted, how often it was the
truth and how often both at once (TP). FP and FN follow by subtraction, so no
label ever rescans the samples: O(n) counting plus one O(C log C) sort.
"""

from __future__ import annotations

from collections import Counter


def precision_recall_f1(y_true: list, y_pred: list) -> dict:
    """Per-label precision, recall, F1 and support, with macro and micro averages."""
    if len(y_true) != len(y_pred):
        raise ValueError(f"y_true has {len(y_true)} labels but y_pred has {len(y_pred)}")
    if len(y_true) == 0:
        raise ValueError("precision and recall need at least one sample")
    truth = Counter(y_true)
    predicted = Counter(y_pred)
    hits = Counter(t for t, p in zip(y_true, y_pred) if t == p)
    labels = sorted(truth.keys() | predicted.keys())
    report: dict = {"labels": labels, "precision": [], "recall": [], "f1": [], "support": []}
    for label in labels:
        tp = hits[label]
        fp = predicted[label] - tp
        fn = truth[label] - tp
        report["precision"].append(_ratio(tp, tp + fp))
        report["recall"].append(_ratio(tp, tp + fn))
        report["f1"].append(_ratio(2 * tp, 2 * tp + fp + fn))
        report["support"].append(tp + fn)
    count = len(labels)
    report["macro"] = tuple(sum(report[key]) / count for key in ("precision", "recall", "f1"))
    tp = sum(hits.values())
    fp = len(y_pred) - tp  # every prediction that is no hit is a false positive of its label
    fn = len(y_true) - tp
    report["micro"] = (_ratio(tp, tp + fp), _ratio(tp, tp + fn), _ratio(2 * tp, 2 * tp + fp + fn))
    return report


def _ratio(numerator: int, denominator: int) -> float:
    """numerator / denominator, and 0.0 when the denominator is 0."""
    return numerator / denominator if denominator else 0.0
