# expect: runtime_error
# why: each feature's own variance times var_smoothing as its floor, not the largest over X: a feature constant over X gets no floor, and log(0) raises
import math


def _rows(X):
    rows = [[float(v) for v in row] for row in X]
    if not rows or not rows[0] or any(len(r) != len(rows[0]) for r in rows):
        raise ValueError("X must be a non-empty table of equal, non-zero widths")
    if not all(math.isfinite(v) for r in rows for v in r):
        raise ValueError("NaN or infinity in X")
    return rows


def _variance(values):
    mean = sum(values) / len(values)
    return mean, sum((v - mean) ** 2 for v in values) / len(values)


class GaussianNB:
    def __init__(self, var_smoothing=1e-9):
        if not (isinstance(var_smoothing, (int, float)) and math.isfinite(var_smoothing) and var_smoothing > 0):
            raise ValueError("var_smoothing must be finite and > 0")
        self.var_smoothing = var_smoothing

    def fit(self, X, y):
        rows = _rows(X)
        labels = list(y)
        if len(labels) != len(rows):
            raise ValueError("one label per row")
        floors = [self.var_smoothing * _variance(list(col))[1] for col in zip(*rows)]
        eps = max(floors)
        self.classes = sorted(set(labels))
        self.width = len(rows[0])
        self.constant = eps == 0
        self.stats = []
        for c in self.classes:
            members = [r for r, label in zip(rows, labels) if label == c]
            means, variances = [], []
            for col, floor in zip(zip(*members), floors):
                m, v = _variance(list(col))
                means.append(m)
                variances.append(v + floor)
            norm = 0.0 if self.constant else -0.5 * sum(math.log(2 * math.pi * v) for v in variances)
            self.stats.append((math.log(len(members) / len(rows)) + norm, means, variances))
        return self

    def _scores(self, X):
        rows = _rows(X)
        if len(rows[0]) != self.width:
            raise ValueError("wrong width")
        out = []
        for r in rows:
            scores = []
            for base, means, variances in self.stats:
                if self.constant:
                    scores.append(base)
                    continue
                scores.append(base - 0.5 * sum((x - m) ** 2 / v for x, m, v in zip(r, means, variances)))
            out.append(scores)
        return out

    def predict_proba(self, X):
        result = []
        for scores in self._scores(X):
            top = max(scores)
            e = [math.exp(s - top) for s in scores]
            total = sum(e)
            result.append([v / total for v in e])
        return result

    def predict(self, X):
        labels = []
        for scores in self._scores(X):
            best = 0
            for k in range(1, len(scores)):
                if scores[k] > scores[best]:
                    best = k
            labels.append(self.classes[best])
        return labels
