# expect: time_limit_exceeded
# why: for every candidate threshold it splits all the node's labels into two lists again and counts each
#   with a loop. (No memory class: its O(n) lists are measured only at the small sizes its time reaches.)
# time: O(n^2)
import math


def _gini(labels):
    counts = {}
    for label in labels:
        counts[label] = counts.get(label, 0) + 1
    n = len(labels)
    return 1.0 - sum((c / n) ** 2 for c in counts.values())


def _majority(labels):
    counts = {}
    for label in labels:
        counts[label] = counts.get(label, 0) + 1
    top = max(counts.values())
    return min(label for label, c in counts.items() if c == top)


class DecisionTreeClassifier:
    def __init__(self, max_depth=None, min_samples_split=2, min_samples_leaf=1):
        if (max_depth is not None and max_depth < 1) or min_samples_split < 2 or min_samples_leaf < 1:
            raise ValueError("bad hyperparameters")
        self.max_depth, self.min_samples_split, self.min_samples_leaf = max_depth, min_samples_split, min_samples_leaf

    def fit(self, X, y):
        rows = [[float(v) for v in r] for r in X]
        labels = list(y)
        if not rows or not rows[0] or any(len(r) != len(rows[0]) for r in rows) or len(labels) != len(rows):
            raise ValueError("bad input")
        if not all(math.isfinite(v) for r in rows for v in r):
            raise ValueError("non-finite")
        self.width = len(rows[0])
        self.root = self._build(rows, labels, 0)
        return self

    def _build(self, rows, labels, depth):
        if (self.max_depth is not None and depth >= self.max_depth) or len(rows) < self.min_samples_split:
            return ("leaf", _majority(labels))
        n = len(rows)
        best_score, best = _gini(labels), None
        for f in range(self.width):
            for t in sorted({(a + b) / 2 for a, b in zip(sorted(r[f] for r in rows), sorted(r[f] for r in rows)[1:]) if a != b}):
                left = [lab for r, lab in zip(rows, labels) if r[f] <= t]
                right = [lab for r, lab in zip(rows, labels) if r[f] > t]
                if len(left) < self.min_samples_leaf or len(right) < self.min_samples_leaf:
                    continue
                score = (len(left) * _gini(left) + len(right) * _gini(right)) / n
                if score < best_score:
                    best_score, best = score, (f, t)
        if best is None:
            return ("leaf", _majority(labels))
        f, t = best
        go = [r[f] <= t for r in rows]
        return ("split", f, t,
                self._build([r for r, g in zip(rows, go) if g], [lab for lab, g in zip(labels, go) if g], depth + 1),
                self._build([r for r, g in zip(rows, go) if not g], [lab for lab, g in zip(labels, go) if not g], depth + 1))

    def predict(self, X):
        out = []
        for r in X:
            node = self.root
            while node[0] == "split":
                node = node[3] if r[node[1]] <= node[2] else node[4]
            out.append(node[1])
        return out
