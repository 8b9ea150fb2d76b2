"""Gaussian Naive Bayes: per-class means, variances and priors, in log space (`judge show naive_bayes`)."""


# Your complexity: replace each ? with yours, e.g. O(n log n); the report checks it.
# time: O(?)
# memory: O(?)
class GaussianNB:
    """Gaussian naive Bayes.

    - fit(X, y): for each class (sorted), the prior n_c / n, the mean and the
      population variance of every feature, plus the floor
      epsilon = var_smoothing * (the largest variance of a feature over all X).
      Every feature constant over X (epsilon = 0): the posteriors are the priors.
      fit replaces anything learned and returns self.
    - predict_proba(X): one row per query, one column per class in sorted
      order, rows summing to 1; compute in log space (log-sum-exp).
    - predict(X): the most probable class; a tie goes to the smallest class.
    - ValueError: no rows, rows of unequal or zero length, len(X) != len(y),
      NaN/inf in X, var_smoothing not finite > 0; prediction rows of another width.
    - Do not modify the arguments. Expected: fit O(n*d), predict O(m*k*d).

    Third-party modules allowed: numpy only.
    """

    def __init__(self, var_smoothing: float = 1e-9) -> None:
        self.var_smoothing = var_smoothing

    def fit(self, X, y) -> "GaussianNB":
        raise NotImplementedError

    def predict_proba(self, X):
        raise NotImplementedError

    def predict(self, X):
        raise NotImplementedError
