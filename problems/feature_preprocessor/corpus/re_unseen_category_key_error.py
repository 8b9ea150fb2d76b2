# expect: runtime_error
# why: looks the category up with index[name][v]: an unseen category raises KeyError
import math


def _missing(v):
    return v is None or (isinstance(v, float) and math.isnan(v))


class Preprocessor:
    def __init__(self, numeric, categorical):
        for cols in (numeric, categorical):
            if not isinstance(cols, (list, tuple)) or any(not isinstance(c, str) for c in cols):
                raise TypeError("column lists must hold strings")
        names = list(numeric) + list(categorical)
        if not names or len(set(names)) != len(names):
            raise ValueError("no columns, or a repeated name")
        self.numeric, self.categorical = list(numeric), list(categorical)

    def _value(self, row, name):
        if not isinstance(row, dict):
            raise TypeError("row must be a dict")
        v = row.get(name)
        if _missing(v):
            return None
        if name in self._numeric_set:
            if isinstance(v, bool) or not isinstance(v, (int, float)):
                raise TypeError(f"{name} must be a number")
            if math.isinf(v):
                raise ValueError(f"{name} is infinite")
        return v

    def fit(self, rows):
        rows = list(rows)
        if not rows:
            raise ValueError("no rows")
        self._numeric_set = set(self.numeric)
        self.stats = {}
        for name in self.numeric:
            vals = [v for v in (self._value(r, name) for r in rows) if v is not None]
            if not vals:
                raise ValueError(f"{name} has no value")
            mean = sum(vals) / len(vals)
            std = math.sqrt(sum((v - mean) ** 2 for v in vals) / len(vals))
            self.stats[name] = (mean, std or 1.0)
        self.index = {}
        col = len(self.numeric)
        for name in self.categorical:
            seen = {v for v in (self._value(r, name) for r in rows) if v is not None}
            self.index[name] = {}
            for cat in sorted(seen):
                self.index[name][cat] = col
                col += 1
        self.width = col
        return self

    def transform(self, rows):
        out = []
        for r in rows:
            vec = [0.0] * self.width
            for i, name in enumerate(self.numeric):
                v = self._value(r, name)
                if v is not None:
                    mean, std = self.stats[name]
                    vec[i] = (v - mean) / std
            for name in self.categorical:
                v = self._value(r, name)
                if v is not None:
                    vec[self.index[name][v]] = 1.0
            out.append(vec)
        return out
