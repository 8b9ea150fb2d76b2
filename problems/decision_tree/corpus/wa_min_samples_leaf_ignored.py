# expect: wrong_answer
# why: never checks min_samples_leaf: children smaller than it are allowed
import math
from collections import Counter


def _gini(counts, n):
    return 1.0 - sum((c / n) ** 2 for c in counts.values())


class DecisionTreeClassifier:
    def __init__(self, max_depth=None, min_samples_split=2, min_samples_leaf=1):
        if max_depth is not None and max_depth < 1:
            raise ValueError("max_depth must be >= 1 or None")
        if min_samples_split < 2:
            raise ValueError("min_samples_split must be >= 2")
        if min_samples_leaf < 1:
            raise ValueError("min_samples_leaf must be >= 1")
        self.max_depth = max_depth
        self.min_samples_split = min_samples_split
        self.min_samples_leaf = min_samples_leaf

    def _check(self, X, width=None):
        rows = [[float(v) for v in r] for r in X]
        if not rows or not rows[0] or any(len(r) != len(rows[0]) for r in rows):
            raise ValueError("X must be a non-empty table of equal, non-zero width rows")
        if not all(math.isfinite(v) for r in rows for v in r):
            raise ValueError("X must be finite")
        if width is not None and len(rows[0]) != width:
            raise ValueError("wrong number of features")
        return rows

    def fit(self, X, y):
        rows = self._check(X)
        labels = list(y)
        if len(labels) != len(rows):
            raise ValueError("X and y differ in length")
        self.width = len(rows[0])
        self.root = self._build(rows, labels, 0)
        return self

    def _leaf(self, labels):
        counts = Counter(labels)
        top = max(counts.values())
        return {"label": min(c for c in counts if counts[c] == top)}

    def _build(self, rows, labels, depth):
        if self.max_depth is not None and depth >= self.max_depth:
            return self._leaf(labels)
        if len(rows) < self.min_samples_split:
            return self._leaf(labels)
        n = len(rows)
        total = Counter(labels)
        best_score, best = _gini(total, n), None
        for f in range(self.width):
            order = sorted(range(n), key=lambda i: rows[i][f])
            left = Counter()
            for k in range(1, n):
                left[labels[order[k - 1]]] += 1
                lo, hi = rows[order[k - 1]][f], rows[order[k]][f]
                if lo == hi:
                    continue
                right = total - left
                score = (k * _gini(left, k) + (n - k) * _gini(right, n - k)) / n
                if score < best_score:
                    best_score, best = score, (f, (lo + hi) / 2)
        if best is None:
            return self._leaf(labels)
        f, t = best
        L = [i for i in range(n) if rows[i][f] <= t]
        R = [i for i in range(n) if rows[i][f] > t]
        return {
            "feature": f,
            "threshold": t,
            "left": self._build([rows[i] for i in L], [labels[i] for i in L], depth + 1),
            "right": self._build([rows[i] for i in R], [labels[i] for i in R], depth + 1),
        }

    def predict(self, X):
        out = []
        for r in self._check(X, self.width):
            node = self.root
            while "label" not in node:
                node = node["left"] if r[node["feature"]] <= node["threshold"] else node["right"]
            out.append(node["label"])
        return out
