# expect: wrong_answer
# why: predict rejects a NaN (no comparison can route it) but lets infinity through, since inf <= t works:
#   fit checks math.isfinite, predict only math.isnan, so predict([[inf]]) returns a label instead of ValueError
import math


def _better(a, b):
    """a, b are fractions (numerator, denominator > 0): is a > b, exactly?"""
    return a[0] * b[1] > b[0] * a[1]


class DecisionTreeClassifier:
    def __init__(self, max_depth=None, min_samples_split=2, min_samples_leaf=1):
        self.max_depth = max_depth
        self.min_samples_split = min_samples_split
        self.min_samples_leaf = min_samples_leaf

    def _table(self, X):
        rows = [[float(v) for v in r] for r in X]
        if len(rows) == 0 or len(rows[0]) == 0 or len({len(r) for r in rows}) != 1:
            raise ValueError("bad X shape")
        if not all(math.isfinite(v) for r in rows for v in r):
            raise ValueError("X must be finite")
        return rows

    def fit(self, X, y):
        if (self.max_depth is not None and self.max_depth < 1) or self.min_samples_split < 2 or self.min_samples_leaf < 1:
            raise ValueError("bad hyperparameters")
        rows = self._table(X)
        y = list(y)
        if len(y) != len(rows):
            raise ValueError("X and y lengths differ")
        classes = sorted(set(y))
        ids = [classes.index(v) for v in y] if len(classes) < 50 else [{c: i for i, c in enumerate(classes)}[v] for v in y]
        self.width = len(rows[0])
        self.feature, self.threshold, self.left, self.right, self.value = [], [], [], [], []
        stack = [(list(range(len(rows))), 0, None, None)]
        while stack:
            members, depth, parent, side = stack.pop()
            node = len(self.feature)
            for array in (self.feature, self.threshold, self.left, self.right, self.value):
                array.append(None)
            if parent is not None:
                (self.left if side == "L" else self.right)[parent] = node
            counts = [0] * len(classes)
            for i in members:
                counts[ids[i]] += 1
            self.value[node] = classes[counts.index(max(counts))]
            split = None
            if (self.max_depth is None or depth < self.max_depth) and len(members) >= self.min_samples_split:
                split = self._split(rows, ids, members, counts)
            if split is None:
                continue
            f, t = split
            self.feature[node], self.threshold[node] = f, t
            stack.append(([i for i in members if rows[i][f] > t], depth + 1, node, "R"))
            stack.append(([i for i in members if rows[i][f] <= t], depth + 1, node, "L"))
        return self

    def _split(self, rows, ids, members, counts):
        n = len(members)
        # Gini = 1 - purity / n with purity = sum(c^2)/n_L + sum(c^2)/n_R: a lower Gini is a higher purity.
        best, best_purity = None, (sum(c * c for c in counts), n)
        for f in range(self.width):
            order = sorted(members, key=lambda i: rows[i][f])
            left = [0] * len(counts)
            for k in range(1, n):
                left[ids[order[k - 1]]] += 1
                a, b = rows[order[k - 1]][f], rows[order[k]][f]
                if a == b or k < self.min_samples_leaf or n - k < self.min_samples_leaf:
                    continue
                right = [c - l for c, l in zip(counts, left)]
                sl, sr = sum(c * c for c in left), sum(c * c for c in right)
                purity = (sl * (n - k) + sr * k, k * (n - k))
                if _better(purity, best_purity):
                    best, best_purity = (f, (a + b) / 2), purity
        return best

    def predict(self, X):
        rows = [[float(v) for v in r] for r in X]
        if len(rows) == 0 or len({len(r) for r in rows}) != 1 or len(rows[0]) != self.width:
            raise ValueError("rows must all have the width fit saw")
        if any(math.isnan(v) for r in rows for v in r):
            raise ValueError("NaN cannot be sent down the tree")
        out = []
        for r in rows:
            node = 0
            while self.feature[node] is not None:
                node = self.left[node] if r[self.feature[node]] <= self.threshold[node] else self.right[node]
            out.append(self.value[node])
        return out
