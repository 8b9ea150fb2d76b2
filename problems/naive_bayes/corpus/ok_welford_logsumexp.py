# expect: accepted
# why: dicts per class, Welford's running mean and variance in one pass, log-sum-exp written out
# time: O(n)
import math


class GaussianNB:
    def __init__(self, var_smoothing=1e-9):
        self.var_smoothing = var_smoothing

    def fit(self, X, y):
        vs = self.var_smoothing
        if isinstance(vs, bool) or not isinstance(vs, (int, float)) or not 0 < vs < math.inf:
            raise ValueError("var_smoothing must be a positive finite number")
        rows = self._table(X)
        y = list(y)
        if len(y) != len(rows):
            raise ValueError("X and y differ in length")
        d = len(rows[0])
        acc = {}
        total = [0, [0.0] * d, [0.0] * d]
        for row, label in zip(rows, y):
            for state in (acc.setdefault(label, [0, [0.0] * d, [0.0] * d]), total):
                state[0] += 1
                n, mean, m2 = state
                for j, x in enumerate(row):
                    delta = x - mean[j]
                    mean[j] += delta / n
                    m2[j] += delta * (x - mean[j])
        eps = vs * max(m2 / total[0] for m2 in total[2])
        self.d = d
        self.classes = sorted(acc)
        self.model = []
        for c in self.classes:
            n, mean, m2 = acc[c]
            var = [q / n + eps for q in m2] if eps > 0 else None
            logp = math.log(n / len(rows))
            if var is not None:
                logp -= 0.5 * sum(math.log(2 * math.pi * v) for v in var)
            self.model.append((logp, mean, var))
        return self

    @staticmethod
    def _table(X):
        rows = [list(map(float, r)) for r in X]
        if len(rows) == 0:
            raise ValueError("no rows")
        d = len(rows[0])
        for r in rows:
            if len(r) != d or d == 0:
                raise ValueError("ragged")
            for v in r:
                if v != v or v in (math.inf, -math.inf):
                    raise ValueError("not finite")
        return rows

    def _log_scores(self, X):
        rows = self._table(X)
        if len(rows[0]) != self.d:
            raise ValueError("width")
        for row in rows:
            yield [logp if var is None else logp - 0.5 * sum((x - m) * (x - m) / v for x, m, v in zip(row, mean, var))
                   for logp, mean, var in self.model]

    def predict_proba(self, X):
        out = []
        for s in self._log_scores(X):
            m = max(s)
            lse = m + math.log(sum(math.exp(v - m) for v in s))
            out.append([math.exp(v - lse) for v in s])
        return out

    def predict(self, X):
        return [self.classes[s.index(max(s))] for s in self._log_scores(X)]
