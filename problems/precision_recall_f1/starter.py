"""Precision, Recall and F1: a classification report (see `judge show precision_recall_f1`)."""


# Your complexity: replace each ? with yours, e.g. O(n log n); the report checks it.
# time: O(?)
# memory: O(?)
def precision_recall_f1(y_true: list, y_pred: list) -> dict:
    """Per-label precision, recall, F1 and support, with macro and micro averages.

    - Labels are ints or strs (never mixed). L is the sorted list of distinct
      labels occurring in y_true or y_pred.
    - For a label c: TP = #(true == pred == c), FP = #(pred == c != true),
      FN = #(true == c != pred). precision = TP/(TP+FP), recall = TP/(TP+FN),
      F1 = 2TP/(2TP+FP+FN), support = TP+FN. A fraction with denominator 0 is 0.0.
    - macro: the unweighted mean over L of the per-label values (macro F1 is
      the mean of the F1s). micro: the three values from TP, FP, FN summed
      over L.
    - Return a dict with exactly the keys "labels", "precision", "recall",
      "f1" (floats in the order of L), "support" (ints), "macro" and "micro"
      ((precision, recall, f1) triples).
    - Raise ValueError when the lengths differ or the inputs are empty.
    - Expected: O(n + C log C) time, O(n) memory, for C distinct labels.

    Third-party modules allowed: numpy only.
    """
    raise NotImplementedError
