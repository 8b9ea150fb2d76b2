# expect: accepted
# why: each node sorts each feature once and sweeps it with running class counts.
# time: O(n log n)
# memory: O(n)
import math


class Leaf:
    def __init__(self, label):
        self.label = label


class Split:
    def __init__(self, feature, threshold, left, right):
        self.feature, self.threshold, self.left, self.right = feature, threshold, left, right


def _purity(counts, n):
    # n * (1 - gini) = sum(c^2) / n: a larger value means a purer set
    return sum(c * c for c in counts) / n


class DecisionTreeClassifier:
    def __init__(self, max_depth=None, min_samples_split=2, min_samples_leaf=1):
        if max_depth is not None and max_depth < 1:
            raise ValueError("max_depth")
        if min_samples_split < 2:
            raise ValueError("min_samples_split")
        if min_samples_leaf < 1:
            raise ValueError("min_samples_leaf")
        self.max_depth, self.min_samples_split, self.min_samples_leaf = max_depth, min_samples_split, min_samples_leaf

    def _rows(self, X, width=None):
        rows = [tuple(float(v) for v in r) for r in X]
        widths = {len(r) for r in rows}
        if len(widths) != 1 or 0 in widths:
            raise ValueError("X must be non-empty with rows of one non-zero width")
        if any(v != v or v in (math.inf, -math.inf) for r in rows for v in r):
            raise ValueError("non-finite value in X")
        if width is not None and widths != {width}:
            raise ValueError("width differs from fit")
        return rows

    def fit(self, X, y):
        rows = self._rows(X)
        y = list(y)
        if len(y) != len(rows):
            raise ValueError("len(X) != len(y)")
        self.labels = sorted(set(y))
        code = {label: i for i, label in enumerate(self.labels)}
        self.d = len(rows[0])
        self.root = self._node(rows, [code[v] for v in y], 0)
        return self

    def _node(self, rows, ys, depth):
        k = len(self.labels)
        counts = [0] * k
        for c in ys:
            counts[c] += 1
        leaf = Leaf(self.labels[counts.index(max(counts))])
        n = len(rows)
        if (self.max_depth is not None and depth == self.max_depth) or n < self.min_samples_split:
            return leaf
        best, best_purity = None, _purity(counts, n)
        for f in range(self.d):
            pairs = sorted(zip((r[f] for r in rows), ys))
            left = [0] * k
            for i in range(1, n):
                left[pairs[i - 1][1]] += 1
                if pairs[i - 1][0] == pairs[i][0] or min(i, n - i) < self.min_samples_leaf:
                    continue
                right = [a - b for a, b in zip(counts, left)]
                purity = _purity(left, i) + _purity(right, n - i)
                if purity > best_purity:
                    best_purity, best = purity, (f, (pairs[i - 1][0] + pairs[i][0]) / 2)
        if best is None:
            return leaf
        f, t = best
        go_left = [r[f] <= t for r in rows]
        return Split(f, t,
                     self._node([r for r, g in zip(rows, go_left) if g], [c for c, g in zip(ys, go_left) if g], depth + 1),
                     self._node([r for r, g in zip(rows, go_left) if not g], [c for c, g in zip(ys, go_left) if not g], depth + 1))

    def predict(self, X):
        result = []
        for r in self._rows(X, self.d):
            node = self.root
            while isinstance(node, Split):
                node = node.left if r[node.feature] <= node.threshold else node.right
            result.append(node.label)
        return result
