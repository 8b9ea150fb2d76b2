"""ROC AUC: area under the ROC curve, exact with tied scores (see `judge show roc_auc`)."""


# Your complexity: replace each ? with yours, e.g. O(n log n); the report checks it.
# time: O(?)
# memory: O(?)
def roc_auc(y_true, y_score) -> float:
    """Return the probability that a random positive scores higher than a random negative.

    - `y_true` holds labels equal to 0 or 1 (ints, bools or 0.0/1.0); 1 is
      the positive class. `y_score` holds real numbers, one per label. Either
      may be a list or a 1-D NumPy array.
    - AUC = (#{positive i, negative j: s_i > s_j} + 1/2 #{s_i == s_j}) / (P * N).
    - Only the order of the scores matters; inf and -inf are ordinary scores
      (inf ties with inf).
    - Raise ValueError when the lengths differ, a label is not 0 or 1, a score
      is NaN, or there is no positive or no negative (empty input included).
    - Expected: O(n log n) time and O(n) memory; comparing every positive
      with every negative is too slow.

    Third-party modules allowed: numpy only.

    >>> roc_auc([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])
    0.75
    """
    raise NotImplementedError
