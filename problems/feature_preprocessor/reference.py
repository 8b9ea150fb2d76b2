"""Reference solution for `feature_preprocessor`; runs in the judge process only.

Plain Python: one pass per numeric column for the mean and one for the
population standard deviation over the values present, a sorted list of
categories per categorical column and a dict from category to output column.
"""

from __future__ import annotations

import math
from numbers import Real


class Preprocessor:
    """Standardise numeric columns (missing -> the training mean), one-hot encode categorical ones."""

    def __init__(self, numeric, categorical) -> None:
        self.numeric = _names(numeric, "numeric")
        self.categorical = _names(categorical, "categorical")
        names = self.numeric + self.categorical
        if len(set(names)) != len(names):
            raise ValueError("a column name is repeated")
        if not names:
            raise ValueError("no column to transform")

    def fit(self, rows) -> Preprocessor:
        table = _rows(rows)
        if not table:
            raise ValueError("fit needs at least one row")
        self.means, self.scales = [], []
        for name in self.numeric:
            present = [v for v in (_number(row, name) for row in table) if v is not None]
            if not present:
                raise ValueError(f"numeric column {name!r} has no value in any training row")
            mean = sum(present) / len(present)
            std = math.sqrt(sum((v - mean) ** 2 for v in present) / len(present))
            self.means.append(mean)
            self.scales.append(std if std > 0 else 1.0)  # scikit-learn's StandardScaler: a scale of 0 becomes 1
        self.offsets = []
        start = len(self.numeric)
        for name in self.categorical:
            categories = sorted({v for v in (_category(row, name) for row in table) if v is not None})
            self.offsets.append({c: start + i for i, c in enumerate(categories)})
            start += len(categories)
        self.width = start
        return self

    def transform(self, rows) -> list[list[float]]:
        table = _rows(rows)
        out = []
        for row in table:
            vector = [0.0] * self.width
            for j, (name, mean, scale) in enumerate(zip(self.numeric, self.means, self.scales)):
                value = _number(row, name)
                vector[j] = 0.0 if value is None else (value - mean) / scale
            for name, offsets in zip(self.categorical, self.offsets):
                column = offsets.get(_category(row, name))
                if column is not None:
                    vector[column] = 1.0
            out.append(vector)
        return out


def _names(names, which: str) -> list[str]:
    if not isinstance(names, (list, tuple)) or not all(isinstance(n, str) for n in names):
        raise TypeError(f"{which} must be a list of column names (strings)")
    return list(names)


def _rows(rows) -> list[dict]:
    table = list(rows)
    for row in table:
        if not isinstance(row, dict):
            raise TypeError(f"every row must be a dict, got {type(row).__name__}")
    return table


def _is_missing(value) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def _number(row: dict, name: str) -> float | None:
    value = row.get(name)
    if _is_missing(value):
        return None
    if isinstance(value, bool) or not isinstance(value, Real):
        raise TypeError(f"column {name!r} is numeric, got {value!r}")
    if math.isinf(value):
        raise ValueError(f"column {name!r} holds an infinite value")
    return float(value)


def _category(row: dict, name: str):
    value = row.get(name)
    return None if _is_missing(value) else value
