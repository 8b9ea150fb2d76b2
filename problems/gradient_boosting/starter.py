"""gradient_boosting: gradient boosting for regression, from scratch.

Implement `GradientBoostingRegressor` (run `judge show gradient_boosting` for the full statement):

- Squared loss. `F0 = mean(y)`. Each of the `n_estimators` rounds fits a
  regression tree to the residuals `y - F` and adds `learning_rate * tree(x)` to `F`.
- Trees are grown greedily. At a node every feature and every threshold halfway
  between two consecutive distinct values of that feature is a candidate; rows
  with `x[f] <= threshold` go left. The best split minimises the summed squared
  error of the two children, each holding at least `min_samples_leaf` rows.
  A node is a leaf at depth `max_depth` (the root is depth 0) or when no
  candidate split lowers the squared error. A leaf predicts the mean residual
  of its rows. Among equally good splits any may be chosen.
- `X` is a list of rows (lists of numbers) or a 2-D NumPy array; `y` a list of
  numbers or a 1-D array. `fit` returns `self`. `predict` returns a list (or a
  1-D array) of floats, one per row.
- ValueError for: no rows, rows of unequal or zero length, `len(X) != len(y)`,
  NaN or infinity in `X` or `y`, `n_estimators < 0`, `learning_rate <= 0`,
  `max_depth < 1`, `min_samples_leaf < 1` (constructor or `fit`, either is
  fine), and `predict` rows of a different width than `fit` saw.
- Expected: sort each feature once per node (a pure-Python solution is fast
  enough); rescanning all rows for every candidate threshold is too slow.

Third-party modules allowed: numpy only.
"""

from __future__ import annotations


# Your complexity: replace each ? with yours, e.g. O(n log n); the report checks it.
# time: O(?)
# memory: O(?)
class GradientBoostingRegressor:
    def __init__(self, n_estimators: int = 100, learning_rate: float = 0.1,
                 max_depth: int = 3, min_samples_leaf: int = 1) -> None:
        self.n_estimators = n_estimators
        self.learning_rate = learning_rate
        self.max_depth = max_depth
        self.min_samples_leaf = min_samples_leaf

    def fit(self, X, y) -> GradientBoostingRegressor:
        raise NotImplementedError

    def predict(self, X) -> list[float]:
        raise NotImplementedError
