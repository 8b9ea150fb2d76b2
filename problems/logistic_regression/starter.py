"""Logistic Regression: binary, by batch gradient descent (see `judge show logistic_regression`)."""


# Your complexity: replace each ? with yours, e.g. O(n log n); the report checks it.
# time: O(?)
# memory: O(?)
class LogisticRegression:
    """p(x) = sigmoid(w.x + b), trained by exactly n_iter full-batch gradient steps.

    - fit starts from w = 0, b = 0 and does exactly n_iter steps on the mean
      log loss plus (l2/2)|w|^2 (the intercept is not regularised), updating
      both from the same current p:
        w <- w - learning_rate * (X^T (p - y) / n + l2 * w)
        b <- b - learning_rate * sum(p - y) / n
      No scaling, no early stopping. fit replaces anything learned and returns self.
    - predict_proba(X): P(y = 1 | x) per row; predict(X): 1 where p >= 0.5, else 0.
    - Stable for any finite z: no overflow, no RuntimeWarning (the judge turns
      RuntimeWarning into an error).
    - ValueError: no rows, rows of unequal or zero length, len(X) != len(y),
      NaN/inf in X, a label not 0/1, learning_rate not finite > 0, n_iter < 0,
      l2 < 0 or not finite; predict rows of another width than fit saw.
    - Expected: fit O(n_iter * n * d), predict O(n * d).

    Third-party modules allowed: numpy only.
    """

    def __init__(self, learning_rate: float = 0.1, n_iter: int = 1000, l2: float = 0.0) -> None:
        self.learning_rate = learning_rate
        self.n_iter = n_iter
        self.l2 = l2

    def fit(self, X, y) -> "LogisticRegression":
        raise NotImplementedError

    def predict_proba(self, X) -> list[float]:
        raise NotImplementedError

    def predict(self, X) -> list[int]:
        raise NotImplementedError
