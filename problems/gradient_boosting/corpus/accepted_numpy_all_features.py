# expect: accepted
# why: NumPy, scores every cut of every feature in one 2-D array per node; ties go to the smallest cut
import numpy as np


class Node:
    """An inner node when `feature` is set, otherwise a leaf holding `value`."""

    def __init__(self, value=0.0, feature=None, threshold=0.0, left=None, right=None):
        self.value = value
        self.feature = feature
        self.threshold = threshold
        self.left = left
        self.right = right

    def output(self, X):
        if self.feature is None:
            return np.full(X.shape[0], self.value)
        mask = X[:, self.feature] <= self.threshold
        out = np.empty(X.shape[0])
        out[mask] = self.left.output(X[mask])
        out[~mask] = self.right.output(X[~mask])
        return out


class GradientBoostingRegressor:
    def __init__(self, n_estimators=100, learning_rate=0.1, max_depth=3, min_samples_leaf=1):
        if n_estimators < 0 or learning_rate <= 0 or max_depth < 1 or min_samples_leaf < 1:
            raise ValueError("invalid hyperparameters")
        self.n_estimators = n_estimators
        self.learning_rate = learning_rate
        self.max_depth = max_depth
        self.min_samples_leaf = min_samples_leaf

    @staticmethod
    def _matrix(X):
        if not isinstance(X, np.ndarray):
            X = list(X)
            if not X:
                raise ValueError("X is empty")
            if len({len(row) for row in X}) != 1:
                raise ValueError("ragged X")
        X = np.asarray(X, dtype=float)
        if X.ndim != 2 or X.shape[0] == 0 or X.shape[1] == 0:
            raise ValueError("X must be a non-empty 2-D table")
        if not np.all(np.isfinite(X)):
            raise ValueError("X has NaN or inf")
        return X

    def fit(self, X, y):
        X = self._matrix(X)
        y = np.asarray(y, dtype=float).ravel()
        if y.shape[0] != X.shape[0]:
            raise ValueError("X and y differ in length")
        if not np.all(np.isfinite(y)):
            raise ValueError("y has NaN or inf")
        self.n_features_ = X.shape[1]
        self.f0_ = y.mean()
        self.trees_ = []
        F = np.full(y.shape[0], self.f0_)
        for _ in range(self.n_estimators):
            tree = self._build(X, y - F, 0)
            self.trees_.append(tree)
            F = F + self.learning_rate * tree.output(X)
        return self

    def _build(self, X, r, depth):
        leaf = Node(value=r.mean())
        n = r.shape[0]
        m = self.min_samples_leaf
        if depth == self.max_depth or n < 2 * m:
            return leaf
        order = np.argsort(X, axis=0, kind="mergesort")
        xs = np.take_along_axis(X, order, axis=0)
        left_sum = np.cumsum(r[order], axis=0)[:-1]
        n_left = np.arange(1, n)[:, None]
        total = r.sum()
        children = left_sum ** 2 / n_left + (total - left_sum) ** 2 / (n - n_left)
        ok = (xs[:-1] < xs[1:]) & (n_left >= m) & (n - n_left >= m)
        children = np.where(ok, children, -np.inf)
        cut, feature = np.unravel_index(np.argmax(children), children.shape)
        gain = children[cut, feature] - total ** 2 / n
        if not gain > 1e-11 * np.dot(r, r):
            return leaf
        threshold = 0.5 * (xs[cut, feature] + xs[cut + 1, feature])
        mask = X[:, feature] <= threshold
        return Node(feature=feature, threshold=threshold,
                    left=self._build(X[mask], r[mask], depth + 1),
                    right=self._build(X[~mask], r[~mask], depth + 1))

    def predict(self, X):
        X = self._matrix(X)
        if X.shape[1] != self.n_features_:
            raise ValueError("predict got a different number of features than fit")
        F = np.full(X.shape[0], self.f0_)
        for tree in self.trees_:
            F = F + self.learning_rate * tree.output(X)
        return F
