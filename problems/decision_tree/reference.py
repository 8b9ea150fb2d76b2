"""Reference DecisionTreeClassifier: CART with Gini impurity, pure Python.

At each node every feature is sorted once and swept from left to right with
running class counts, so every candidate threshold costs O(classes). A
candidate is compared by its split impurity, ties by (feature, threshold):
features are visited in order and thresholds in increasing order, and only
a strictly lower impurity replaces the best so far.

A tree is nested tuples: a leaf is `(label,)`, an inner node
`(feature, threshold, left, right)`; rows with `x[feature] <= threshold` go left.
"""

from __future__ import annotations

import math
from collections import Counter


def _gini(counts: list[int], n: int) -> float:
    return 1.0 - sum((c / n) ** 2 for c in counts)


def _rows(X, width: int | None = None) -> list[list[float]]:
    rows = [[float(v) for v in row] for row in X]
    if not rows:
        raise ValueError("X has no rows")
    size = len(rows[0])
    if size == 0 or any(len(row) != size for row in rows):
        raise ValueError("rows of X must all have the same, non-zero length")
    if not all(math.isfinite(v) for row in rows for v in row):
        raise ValueError("X contains NaN or infinity")
    if width is not None and size != width:
        raise ValueError(f"X has {size} columns, fit saw {width}")
    return rows


class DecisionTreeClassifier:
    """A CART classification tree grown greedily with Gini impurity."""

    def __init__(self, max_depth: int | None = None, min_samples_split: int = 2, min_samples_leaf: int = 1) -> None:
        if max_depth is not None and max_depth < 1:
            raise ValueError(f"max_depth must be None or >= 1, got {max_depth}")
        if min_samples_split < 2:
            raise ValueError(f"min_samples_split must be >= 2, got {min_samples_split}")
        if min_samples_leaf < 1:
            raise ValueError(f"min_samples_leaf must be >= 1, got {min_samples_leaf}")
        self.max_depth = max_depth
        self.min_samples_split = min_samples_split
        self.min_samples_leaf = min_samples_leaf
        self.tree: tuple | None = None
        self.width = 0

    def fit(self, X, y) -> DecisionTreeClassifier:
        rows = _rows(X)
        labels = list(y)
        if len(labels) != len(rows):
            raise ValueError(f"y has {len(labels)} labels for {len(rows)} rows")
        self.classes = sorted(set(labels))
        index = {label: k for k, label in enumerate(self.classes)}
        codes = [index[label] for label in labels]
        self.width = len(rows[0])
        self.tree = self._grow(rows, codes, list(range(len(rows))), 0)
        return self

    def _leaf(self, codes: list[int], members: list[int]) -> tuple:
        counts = Counter(codes[i] for i in members)
        best = max(counts.values())
        return (self.classes[min(code for code, count in counts.items() if count == best)],)

    def _grow(self, rows, codes, members: list[int], depth: int) -> tuple:
        if (self.max_depth is not None and depth >= self.max_depth) or len(members) < self.min_samples_split:
            return self._leaf(codes, members)
        split = self._best_split(rows, codes, members)
        if split is None:
            return self._leaf(codes, members)
        feature, threshold = split
        left = [i for i in members if rows[i][feature] <= threshold]
        right = [i for i in members if rows[i][feature] > threshold]
        return (feature, threshold, self._grow(rows, codes, left, depth + 1), self._grow(rows, codes, right, depth + 1))

    def _best_split(self, rows, codes, members: list[int]) -> tuple[int, float] | None:
        n, k = len(members), len(self.classes)
        total = [0] * k
        for i in members:
            total[codes[i]] += 1
        best_impurity, best = _gini(total, n), None  # a split must be strictly lower than the node
        leaf = self.min_samples_leaf
        for feature in range(self.width):
            order = sorted(members, key=lambda i: rows[i][feature])
            left = [0] * k
            for position in range(1, n):
                left[codes[order[position - 1]]] += 1
                a, b = rows[order[position - 1]][feature], rows[order[position]][feature]
                if a == b or position < leaf or n - position < leaf:
                    continue
                right = [t - c for t, c in zip(total, left)]
                impurity = (position * _gini(left, position) + (n - position) * _gini(right, n - position)) / n
                if impurity < best_impurity:
                    best_impurity, best = impurity, (feature, (a + b) / 2)
        return best

    def predict(self, X) -> list:
        out = []
        for row in _rows(X, self.width):
            node = self.tree
            while len(node) == 4:
                feature, threshold, left, right = node
                node = left if row[feature] <= threshold else right
            out.append(node[0])
        return out
