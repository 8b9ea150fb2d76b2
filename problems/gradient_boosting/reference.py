"""Reference GradientBoostingRegressor: squared loss, greedy regression trees.

The judge runs this in its own process to compute expected predictions, so
the split search is vectorised with NumPy: at each node every feature is
sorted once, prefix sums of the residuals give the children's sums for every
cut position at once, and the best valid cut wins.

A tree is nested tuples: a leaf is a float, an inner node is
`(feature, threshold, left, right)`; rows with `x[feature] <= threshold` go left.
"""

from __future__ import annotations

import numpy as np

Tree = float | tuple

# A split must lower the node's squared error by more than this fraction of
# the residuals' sum of squares: anything smaller is float rounding, not signal.
_GAIN_TOLERANCE = 1e-12


def _check_hyperparameters(n_estimators: int, learning_rate: float, max_depth: int,
                           min_samples_leaf: int) -> None:
    if n_estimators < 0:
        raise ValueError(f"n_estimators must be >= 0, got {n_estimators}")
    if not learning_rate > 0:
        raise ValueError(f"learning_rate must be > 0, got {learning_rate}")
    if max_depth < 1:
        raise ValueError(f"max_depth must be >= 1, got {max_depth}")
    if min_samples_leaf < 1:
        raise ValueError(f"min_samples_leaf must be >= 1, got {min_samples_leaf}")


def _as_matrix(X: object) -> np.ndarray:
    """X as a finite 2-D float array with at least one row and one column."""
    if isinstance(X, np.ndarray):
        if X.ndim != 2:
            raise ValueError(f"X must be 2-D, got {X.ndim} dimension(s)")
        rows = X
    else:
        rows = list(X)
        widths = {len(row) for row in rows}
        if len(widths) > 1:
            raise ValueError(f"rows of X have unequal lengths: {sorted(widths)}")
        rows = np.array(rows, dtype=float)
        if rows.ndim == 1:  # no rows, or rows of zero length
            rows = rows.reshape(len(rows), 0)
    if rows.shape[0] == 0 or rows.shape[1] == 0:
        raise ValueError(f"X must have at least one row and one column, got shape {rows.shape}")
    matrix = rows.astype(float)
    if not np.isfinite(matrix).all():
        raise ValueError("X contains NaN or infinity")
    return matrix


def _as_vector(y: object, n_rows: int) -> np.ndarray:
    vector = np.asarray(y if isinstance(y, np.ndarray) else list(y), dtype=float)
    if vector.ndim != 1 or len(vector) != n_rows:
        raise ValueError(f"y must hold one number per row ({n_rows}), got shape {vector.shape}")
    if not np.isfinite(vector).all():
        raise ValueError("y contains NaN or infinity")
    return vector


def _best_split(X: np.ndarray, resid: np.ndarray, min_leaf: int) -> tuple[int, float] | None:
    """The (feature, threshold) that lowers the squared error most, or None."""
    n = len(resid)
    if n < 2 * min_leaf:
        return None
    total = resid.sum()
    counts = np.arange(1, n, dtype=float)
    valid_size = (counts >= min_leaf) & (n - counts >= min_leaf)
    # Children's SSE = sum(r^2) - (S_l^2 / n_l + S_r^2 / n_r): maximise the bracket.
    best_score = total * total / n + _GAIN_TOLERANCE * float(resid @ resid)
    best = None
    for feature in range(X.shape[1]):
        order = np.argsort(X[:, feature], kind="stable")
        values = X[order, feature]
        left = np.cumsum(resid[order])[:-1]
        score = left * left / counts + (total - left) ** 2 / (n - counts)
        score[~(valid_size & (values[:-1] < values[1:]))] = -np.inf
        cut = int(np.argmax(score))
        if score[cut] > best_score:
            best_score = score[cut]
            best = (feature, (values[cut] + values[cut + 1]) / 2)
    return best


def _grow(X: np.ndarray, resid: np.ndarray, depth: int, max_depth: int, min_leaf: int) -> Tree:
    split = None if depth >= max_depth else _best_split(X, resid, min_leaf)
    if split is None:
        return float(resid.mean())
    feature, threshold = split
    goes_left = X[:, feature] <= threshold
    return (feature, threshold,
            _grow(X[goes_left], resid[goes_left], depth + 1, max_depth, min_leaf),
            _grow(X[~goes_left], resid[~goes_left], depth + 1, max_depth, min_leaf))


def _evaluate(tree: Tree, X: np.ndarray) -> np.ndarray:
    """The tree's output for every row of X."""
    if not isinstance(tree, tuple):
        return np.full(len(X), tree)
    feature, threshold, left, right = tree
    goes_left = X[:, feature] <= threshold
    out = np.empty(len(X))
    out[goes_left] = _evaluate(left, X[goes_left])
    out[~goes_left] = _evaluate(right, X[~goes_left])
    return out


class GradientBoostingRegressor:
    """Gradient boosting with squared loss over greedy regression trees."""

    def __init__(self, n_estimators: int = 100, learning_rate: float = 0.1,
                 max_depth: int = 3, min_samples_leaf: int = 1) -> None:
        _check_hyperparameters(n_estimators, learning_rate, max_depth, min_samples_leaf)
        self.n_estimators = n_estimators
        self.learning_rate = learning_rate
        self.max_depth = max_depth
        self.min_samples_leaf = min_samples_leaf
        self._base = 0.0
        self._trees: list[Tree] = []
        self._width: int | None = None

    def fit(self, X, y) -> GradientBoostingRegressor:
        """Fit F0 = mean(y), then n_estimators trees, each on the current residuals."""
        matrix = _as_matrix(X)
        target = _as_vector(y, len(matrix))
        self._width = matrix.shape[1]
        self._base = float(target.mean())
        self._trees = []
        current = np.full(len(target), self._base)
        for _ in range(self.n_estimators):
            tree = _grow(matrix, target - current, 0, self.max_depth, self.min_samples_leaf)
            self._trees.append(tree)
            current += self.learning_rate * _evaluate(tree, matrix)
        return self

    def predict(self, X) -> list[float]:
        """F0 plus learning_rate times every tree's output, one float per row."""
        matrix = _as_matrix(X)
        if matrix.shape[1] != self._width:
            raise ValueError(f"X has {matrix.shape[1]} columns, fit saw {self._width}")
        out = np.full(len(matrix), self._base)
        for tree in self._trees:
            out += self.learning_rate * _evaluate(tree, matrix)
        return out.tolist()
