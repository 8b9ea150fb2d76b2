# expect: accepted
# why: NumPy: each numeric column as a float array with NaN for missing, nanmean / nanstd, one-hot by fancy indexing
# time: O(n)
import math

import numpy as np


class Preprocessor:
    def __init__(self, numeric, categorical):
        if not all(isinstance(x, (list, tuple)) and all(isinstance(s, str) for s in x) for x in (numeric, categorical)):
            raise TypeError("numeric and categorical must be lists of str")
        names = [*numeric, *categorical]
        if len(names) == 0 or len(names) != len(set(names)):
            raise ValueError("bad columns")
        self.numeric, self.categorical = list(numeric), list(categorical)

    def _numbers(self, rows, name):
        out = np.empty(len(rows))
        for i, row in enumerate(rows):
            v = row.get(name)
            if v is None:
                out[i] = np.nan
            elif isinstance(v, bool) or not isinstance(v, (int, float)):
                raise TypeError(f"not a number: {v!r}")
            elif math.isinf(v):
                raise ValueError("infinite value")
            else:
                out[i] = v
        return out

    @staticmethod
    def _check(rows):
        rows = list(rows)
        if any(not isinstance(r, dict) for r in rows):
            raise TypeError("rows must be dicts")
        return rows

    @staticmethod
    def _category(row, name):
        v = row.get(name)
        return None if v is None or (isinstance(v, float) and v != v) else v

    def fit(self, rows):
        rows = self._check(rows)
        if not rows:
            raise ValueError("empty")
        cols = [self._numbers(rows, n) for n in self.numeric]
        if any(np.isnan(c).all() for c in cols):
            raise ValueError("a numeric column has no value")
        self.mean_ = np.array([np.nanmean(c) for c in cols])
        std = np.array([np.nanstd(c) for c in cols])
        self.scale_ = np.where(std == 0, 1.0, std)
        self.categories_ = [sorted({self._category(r, n) for r in rows} - {None}) for n in self.categorical]
        return self

    def transform(self, rows):
        rows = self._check(rows)
        p = len(self.numeric)
        width = p + sum(len(c) for c in self.categories_)
        out = np.zeros((len(rows), width))
        if p:
            X = np.column_stack([self._numbers(rows, n) for n in self.numeric]) if rows else np.zeros((0, p))
            Z = (X - self.mean_) / self.scale_
            out[:, :p] = np.where(np.isnan(Z), 0.0, Z)
        start = p
        for name, cats in zip(self.categorical, self.categories_):
            lookup = {c: j for j, c in enumerate(cats)}
            for i, r in enumerate(rows):
                j = lookup.get(self._category(r, name))
                if j is not None:
                    out[i, start + j] = 1.0
            start += len(cats)
        return out
