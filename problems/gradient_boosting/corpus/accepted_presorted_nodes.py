# expect: accepted
# why: pure Python; sorts every feature once up front, keeps node rows in sorted order by filtering, ties go to the last candidate
from dataclasses import dataclass
from math import isfinite
from typing import Optional


@dataclass
class Node:
    value: float
    feature: int = -1
    threshold: float = 0.0
    left: Optional["Node"] = None
    right: Optional["Node"] = None


class GradientBoostingRegressor:
    def __init__(self, n_estimators: int = 100, learning_rate: float = 0.1,
                 max_depth: int = 3, min_samples_leaf: int = 1):
        self.n_estimators = n_estimators
        self.learning_rate = learning_rate
        self.max_depth = max_depth
        self.min_samples_leaf = min_samples_leaf

    def _check_params(self):
        checks = {
            "n_estimators": self.n_estimators >= 0,
            "learning_rate": self.learning_rate > 0,
            "max_depth": self.max_depth >= 1,
            "min_samples_leaf": self.min_samples_leaf >= 1,
        }
        for name, ok in checks.items():
            if not ok:
                raise ValueError(f"bad {name}")

    def _table(self, X, width=None):
        table = [list(map(float, row)) for row in X]
        if len(table) == 0:
            raise ValueError("no rows")
        widths = set(map(len, table))
        if len(widths) != 1 or 0 in widths:
            raise ValueError("rows must all have the same, non-zero length")
        if width is not None and widths != {width}:
            raise ValueError("width differs from fit")
        for row in table:
            for v in row:
                if not isfinite(v):
                    raise ValueError("non-finite value in X")
        return table

    def fit(self, X, y):
        self._check_params()
        table = self._table(X)
        target = list(map(float, y))
        if len(target) != len(table):
            raise ValueError("X and y have different lengths")
        if not all(isfinite(v) for v in target):
            raise ValueError("non-finite value in y")
        self.width_ = len(table[0])
        self.columns_ = list(zip(*table))
        # one global sort per feature; a node's rows are filtered out in order
        orders = [sorted(range(len(table)), key=col.__getitem__) for col in self.columns_]
        self.f0_ = sum(target) / len(target)
        current = [self.f0_] * len(target)
        self.trees_ = []
        for _ in range(self.n_estimators):
            residual = [t - c for t, c in zip(target, current)]
            root = self._node(orders, residual, 0)
            self.trees_.append(root)
            for i, row in enumerate(table):
                current[i] += self.learning_rate * self._walk(root, row)
        return self

    def _node(self, orders, residual, depth):
        rows = orders[0]
        node = Node(value=sum(residual[i] for i in rows) / len(rows))
        if depth < self.max_depth:
            split = self._search(orders, residual)
            if split is not None:
                node.feature, node.threshold = split
                column = self.columns_[node.feature]
                go_left = {i for i in rows if column[i] <= node.threshold}
                node.left = self._node([[i for i in o if i in go_left] for o in orders], residual, depth + 1)
                node.right = self._node([[i for i in o if i not in go_left] for o in orders], residual, depth + 1)
        return node

    def _search(self, orders, residual):
        n = len(orders[0])
        k = self.min_samples_leaf
        total = sum(residual[i] for i in orders[0])
        base = total * total / n
        floor = 1e-10 * sum(residual[i] ** 2 for i in orders[0])
        best_gain, best = floor, None
        for feature, order in enumerate(orders):
            column = self.columns_[feature]
            left = 0.0
            for pos in range(1, n):
                left += residual[order[pos - 1]]
                lo, hi = column[order[pos - 1]], column[order[pos]]
                if pos < k or n - pos < k or lo == hi:
                    continue
                right = total - left
                gain = left * left / pos + right * right / (n - pos) - base
                if gain >= best_gain:
                    best_gain, best = gain, (feature, lo + (hi - lo) / 2)
        return best

    @staticmethod
    def _walk(node, row):
        while node.left is not None:
            node = node.left if row[node.feature] <= node.threshold else node.right
        return node.value

    def predict(self, X):
        table = self._table(X, self.width_)
        return [self.f0_ + sum(self.learning_rate * self._walk(t, row) for t in self.trees_) for row in table]
