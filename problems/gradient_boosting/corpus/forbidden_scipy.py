# expect: forbidden_import
# why: uses scipy.ndimage to average residuals per leaf; SciPy is not an allowed module
import numpy as np
from scipy import ndimage


class GradientBoostingRegressor:
    def __init__(self, n_estimators=100, learning_rate=0.1, max_depth=3, min_samples_leaf=1):
        if n_estimators < 0 or learning_rate <= 0 or max_depth < 1 or min_samples_leaf < 1:
            raise ValueError("bad hyperparameters")
        self.n_estimators = n_estimators
        self.learning_rate = learning_rate
        self.max_depth = max_depth
        self.min_samples_leaf = min_samples_leaf

    def _best_split(self, X, r, rows, depth):
        """(feature, threshold) of the best split of `rows`, or None for a leaf."""
        best = None
        if depth < self.max_depth and len(rows) >= 2 * self.min_samples_leaf:
            total = r[rows].sum()
            base = total ** 2 / len(rows) + 1e-12 * (r[rows] ** 2).sum()
            for f in range(X.shape[1]):
                order = rows[np.argsort(X[rows, f], kind="stable")]
                xs = X[order, f]
                left = np.cumsum(r[order])[:-1]
                n_left = np.arange(1, len(rows))
                score = left ** 2 / n_left + (total - left) ** 2 / (len(rows) - n_left)
                ok = (xs[:-1] < xs[1:]) & (n_left >= self.min_samples_leaf) & (len(rows) - n_left >= self.min_samples_leaf)
                score[~ok] = -np.inf
                k = int(np.argmax(score))
                if score[k] > base:
                    base, best = score[k], (f, (xs[k] + xs[k + 1]) / 2)
        return best

    def fit(self, X, y):
        X = np.asarray(X, dtype=float)
        y = np.asarray(y, dtype=float)
        if X.ndim != 2 or len(X) == 0 or X.shape[1] == 0 or len(y) != len(X):
            raise ValueError("bad X or y")
        if not (np.isfinite(X).all() and np.isfinite(y).all()):
            raise ValueError("non-finite input")
        self.width = X.shape[1]
        self.f0 = y.mean()
        self.trees = []
        F = np.full(len(y), self.f0)
        for _ in range(self.n_estimators):
            tree = self._tree(X, y - F)
            self.trees.append(tree)
            F += self.learning_rate * self._apply(tree, X)
        return self

    def _tree(self, X, r):
        # breadth-first: leaf ids are positions in a heap layout
        leaf_of = np.ones(len(r), dtype=int)
        splits = {}
        for depth in range(self.max_depth):
            for node in np.unique(leaf_of):
                rows = np.flatnonzero(leaf_of == node)
                split = self._best_split(X, r, rows, depth)
                if split is not None:
                    splits[node] = split
                    f, t = split
                    leaf_of[rows] = np.where(X[rows, f] <= t, 2 * node, 2 * node + 1)
        leaves = np.unique(leaf_of)
        values = ndimage.mean(r, labels=leaf_of, index=leaves)
        return splits, dict(zip(leaves.tolist(), np.atleast_1d(values).tolist()))

    def _apply(self, tree, X):
        splits, values = tree
        node = np.ones(len(X), dtype=int)
        for _ in range(self.max_depth):
            for i in range(len(X)):
                if node[i] in splits:
                    f, t = splits[node[i]]
                    node[i] = 2 * node[i] + (X[i, f] > t)
        return np.array([values[n] for n in node])

    def predict(self, X):
        X = np.asarray(X, dtype=float)
        if X.ndim != 2 or X.shape[1] != self.width:
            raise ValueError("wrong width")
        F = np.full(len(X), self.f0)
        for tree in self.trees:
            F += self.learning_rate * self._apply(tree, X)
        return F.tolist()
