"""Reference solution for `knn_classifier`; runs in the judge process only.

One query at a time (never an n_query x n_train matrix): squared distances to
every training row with NumPy, the k-th smallest found by selection
(np.partition), then only the rows at most that far are ordered by
(distance, index). The vote counts labels in that order; among the labels with
the most votes, the first one met (the one whose nearest member is nearest) wins.
"""

from __future__ import annotations

import numpy as np


def knn_predict(X_train, y_train, X_query, k):
    if isinstance(k, bool) or not isinstance(k, (int, np.integer)):
        raise TypeError(f"k must be an int, got {type(k).__name__}")
    train = _table(X_train, "X_train")
    labels = list(y_train)
    if len(labels) != len(train):
        raise ValueError(f"y_train has {len(labels)} labels for {len(train)} rows")
    if not 1 <= k <= len(train):
        raise ValueError(f"k must be between 1 and {len(train)}, got {k}")
    queries = _table(X_query, "X_query")
    if queries.shape[1] != train.shape[1]:
        raise ValueError(f"X_query has {queries.shape[1]} columns, X_train {train.shape[1]}")
    k = int(k)
    result = []
    for query in queries:
        distances = ((train - query) ** 2).sum(axis=1)
        kth = np.partition(distances, k - 1)[k - 1]
        near = np.flatnonzero(distances <= kth)
        order = near[np.lexsort((near, distances[near]))][:k]
        result.append(_vote([labels[i] for i in order]))
    return result


def _vote(ordered_labels: list):
    counts: dict = {}
    for label in ordered_labels:
        counts[label] = counts.get(label, 0) + 1
    best = max(counts.values())
    return next(label for label in ordered_labels if counts[label] == best)


def _table(X, name: str) -> np.ndarray:
    if not isinstance(X, np.ndarray):
        rows = [list(row) for row in X]
        if not rows:
            raise ValueError(f"{name} has no rows")
        if any(len(row) != len(rows[0]) for row in rows):
            raise ValueError(f"rows of {name} must all have the same length")
        X = rows
    table = np.array(X, dtype=float)
    if table.ndim != 2 or table.shape[0] == 0 or table.shape[1] == 0:
        raise ValueError(f"{name} must be a table with at least one row and one column")
    if not np.isfinite(table).all():
        raise ValueError(f"{name} contains NaN or infinity")
    return table


