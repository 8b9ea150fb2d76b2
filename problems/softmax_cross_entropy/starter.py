"""cross_entropy: mean softmax cross-entropy and its gradient, stable for huge and -inf logits (`judge show softmax_cross_entropy`)."""


# Your complexity: replace each ? with yours, e.g. O(n log n); the report checks it.
# time: O(?)
# memory: O(?)
def cross_entropy(logits, labels):
    """Return (mean_loss, grad): the mean over rows of -log softmax(logits[i])[labels[i]], and its gradient.

    - `logits`: n rows of C numbers (list of lists or 2-D NumPy array); finite or -inf.
    - `labels`: n integers in [0, C) (list or 1-D array).
    - grad[i][j] = (softmax(logits[i])_j - [j == labels[i]]) / n; -inf logits give exactly 0.
    - Stable for logits of +-1e4: subtract each row's maximum; loss = logsumexp - logit of the label.
    - ValueError: not 2-D, n = 0 or C = 0, NaN or +inf, a row of only -inf, wrong number of labels,
      a label not an integer in [0, C), a label whose logit is -inf.
    - Expected: O(n*C) time and memory. Neither argument is modified.

    Third-party modules allowed: numpy only.

    >>> cross_entropy([[10000.0, -10000.0]], [1])
    (20000.0, [[1.0, -1.0]])
    """
    raise NotImplementedError
