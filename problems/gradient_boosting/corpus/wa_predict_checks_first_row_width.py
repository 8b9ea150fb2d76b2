# expect: wrong_answer
# why: predict compares only the first row's width with fit's and reads features by index: a later row
#   with an extra feature is predicted as if the extra value were not there, instead of raising ValueError
import math


class GradientBoostingRegressor:
    def __init__(self, n_estimators=100, learning_rate=0.1, max_depth=3, min_samples_leaf=1):
        if n_estimators < 0:
            raise ValueError("n_estimators must be non-negative")
        if learning_rate <= 0:
            raise ValueError("learning_rate must be positive")
        if max_depth < 1:
            raise ValueError("max_depth must be at least 1")
        if min_samples_leaf < 1:
            raise ValueError("min_samples_leaf must be at least 1")
        self.n_estimators = n_estimators
        self.learning_rate = learning_rate
        self.max_depth = max_depth
        self.min_samples_leaf = min_samples_leaf

    @staticmethod
    def _rows(X):
        rows = [[float(v) for v in row] for row in X]
        if not rows:
            raise ValueError("X has no rows")
        width = len(rows[0])
        if width == 0 or any(len(r) != width for r in rows):
            raise ValueError("rows must be non-empty and of equal length")
        if not all(math.isfinite(v) for r in rows for v in r):
            raise ValueError("X must be finite")
        return rows

    def fit(self, X, y):
        rows = self._rows(X)
        target = [float(v) for v in y]
        if len(target) != len(rows):
            raise ValueError("X and y lengths differ")
        if not all(math.isfinite(v) for v in target):
            raise ValueError("y must be finite")
        self.width = len(rows[0])
        self.init = sum(target) / len(target)
        self.trees = []
        pred = [self.init] * len(rows)
        for _ in range(self.n_estimators):
            resid = [t - p for t, p in zip(target, pred)]
            tree = self._grow(rows, resid, list(range(len(rows))), 0)
            self.trees.append(tree)
            pred = [p + self.learning_rate * self._value(tree, r) for p, r in zip(pred, rows)]
        return self

    def _grow(self, rows, resid, idx, depth):
        split = self._split(rows, resid, idx) if depth < self.max_depth else None
        if split is None:
            return sum(resid[i] for i in idx) / len(idx)
        f, thr = split
        left = [i for i in idx if rows[i][f] <= thr]
        right = [i for i in idx if rows[i][f] > thr]
        return (f, thr, self._grow(rows, resid, left, depth + 1),
                self._grow(rows, resid, right, depth + 1))

    def _split(self, rows, resid, idx):
        n = len(idx)
        m = self.min_samples_leaf
        if n < 2 * m:
            return None
        total = sum(resid[i] for i in idx)
        sumsq = sum(resid[i] * resid[i] for i in idx)
        best = total * total / n + 1e-12 * sumsq
        found = None
        for f in range(self.width):
            order = sorted(idx, key=lambda i: rows[i][f])
            s = 0.0
            for k in range(n - 1):
                s += resid[order[k]]
                nl = k + 1
                if nl < m or n - nl < m:
                    continue
                a = rows[order[k]][f]
                b = rows[order[k + 1]][f]
                if a == b:
                    continue
                score = s * s / nl + (total - s) * (total - s) / (n - nl)
                if score > best:
                    best = score
                    found = (f, (a + b) / 2)
        return found

    @staticmethod
    def _value(tree, row):
        while isinstance(tree, tuple):
            f, thr, left, right = tree
            tree = left if row[f] <= thr else right
        return tree

    def predict(self, X):
        rows = [[float(v) for v in row] for row in X]
        if not rows or len(rows[0]) != self.width:
            raise ValueError("wrong number of features")
        if not all(math.isfinite(v) for r in rows for v in r):
            raise ValueError("X must be finite")
        return [self.init + sum(self.learning_rate * self._value(t, r) for t in self.trees)
                for r in rows]
