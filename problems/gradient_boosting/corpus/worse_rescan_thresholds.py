# expect: time_limit_exceeded
# why: for every candidate threshold the split search rescans all rows of the node.
# time: O(n^2)
# memory: O(n)
import math


def _matrix(X):
    rows = [[float(v) for v in row] for row in X]
    if not rows:
        raise ValueError("X has no rows")
    width = len(rows[0])
    if width == 0 or any(len(row) != width for row in rows):
        raise ValueError("rows of X must be non-empty and of equal length")
    if not all(math.isfinite(v) for row in rows for v in row):
        raise ValueError("X contains NaN or infinity")
    return rows


def _vector(y, n):
    values = [float(v) for v in y]
    if len(values) != n:
        raise ValueError("len(X) != len(y)")
    if not all(math.isfinite(v) for v in values):
        raise ValueError("y contains NaN or infinity")
    return values


def _best_split(rows, resid, idx, min_leaf):
    n = len(idx)
    if n < 2 * min_leaf:
        return None
    total = sum(resid[i] for i in idx)
    best_score = total * total / n + 1e-12 * sum(resid[i] ** 2 for i in idx)
    best = None
    for feature in range(len(rows[idx[0]])):
        values = sorted({rows[i][feature] for i in idx})
        for low, high in zip(values, values[1:]):
            threshold = (low + high) / 2
            # Rescans every row of the node for each candidate threshold.
            left = [i for i in idx if rows[i][feature] <= threshold]
            count = len(left)
            if count < min_leaf or n - count < min_leaf:
                continue
            left_sum = sum(resid[i] for i in left)
            score = left_sum * left_sum / count + (total - left_sum) ** 2 / (n - count)
            if score > best_score:
                best_score, best = score, (feature, threshold)
    return best


def _evaluate(tree, row):
    while isinstance(tree, tuple):
        feature, threshold, left, right = tree
        tree = left if row[feature] <= threshold else right
    return tree


class GradientBoostingRegressor:
    def __init__(self, n_estimators=100, learning_rate=0.1, max_depth=3, min_samples_leaf=1):
        if n_estimators < 0 or not learning_rate > 0 or max_depth < 1 or min_samples_leaf < 1:
            raise ValueError("invalid hyper-parameters")
        self.n_estimators, self.learning_rate = n_estimators, learning_rate
        self.max_depth, self.min_samples_leaf = max_depth, min_samples_leaf
        self._base, self._trees, self._width = 0.0, [], None

    def fit(self, X, y):
        rows = _matrix(X)
        target = _vector(y, len(rows))
        self._width, self._base = len(rows[0]), sum(target) / len(target)
        current = [self._base] * len(rows)
        self._trees = []
        for _ in range(self.n_estimators):
            resid = [t - f for t, f in zip(target, current)]
            tree = self._grow(rows, resid, list(range(len(rows))), 0)
            self._trees.append(tree)
            current = [f + self.learning_rate * _evaluate(tree, row) for f, row in zip(current, rows)]
        return self

    def _grow(self, rows, resid, idx, depth):
        split = None if depth >= self.max_depth else _best_split(rows, resid, idx, self.min_samples_leaf)
        if split is None:
            return sum(resid[i] for i in idx) / len(idx)
        feature, threshold = split
        left = [i for i in idx if rows[i][feature] <= threshold]
        right = [i for i in idx if rows[i][feature] > threshold]
        return (feature, threshold, self._grow(rows, resid, left, depth + 1), self._grow(rows, resid, right, depth + 1))

    def predict(self, X):
        rows = _matrix(X)
        if len(rows[0]) != self._width:
            raise ValueError("X has a different number of columns than in fit")
        return [self._base + sum(self.learning_rate * _evaluate(t, row) for t in self._trees) for row in rows]
