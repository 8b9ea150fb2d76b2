"""Reference solution for `pca`; runs in the judge process only.

A thin SVD of the centred data (never the n x n left factor): the right
singular vectors are the principal axes, s² / (n − 1) their variances. Each
axis is then turned so that its largest-magnitude entry is positive (the first
of entries tied within 1e-9 of the largest).
"""

from __future__ import annotations

import operator

import numpy as np

TIE_RTOL = 1e-9


def pca(X, n_components):
    """(components k x d, explained_variance k, projected n x k) of the centred X."""
    if isinstance(n_components, bool) or not isinstance(n_components, (int, np.integer)):
        raise TypeError(f"n_components must be an int, got {type(n_components).__name__}")
    k = operator.index(n_components)
    data = _table(X)
    n, d = data.shape
    if n < 2:
        raise ValueError("PCA with ddof = 1 needs at least 2 rows")
    if not 1 <= k <= min(n, d):
        raise ValueError(f"n_components must be between 1 and min(n, d) = {min(n, d)}, got {k}")
    centred = data - data.mean(axis=0)
    _, s, vt = np.linalg.svd(centred, full_matrices=False)
    components = vt[:k].copy()
    for row in components:
        magnitude = np.abs(row)
        first = int(np.argmax(magnitude >= magnitude.max() * (1 - TIE_RTOL)))
        if row[first] < 0:
            row *= -1
    variance = s[:k] ** 2 / (n - 1)
    return components.tolist(), variance.tolist(), (centred @ components.T).tolist()


def _table(X) -> np.ndarray:
    if not isinstance(X, np.ndarray):
        rows = [list(row) for row in X]
        if not rows:
            raise ValueError("X has no rows")
        if any(len(row) != len(rows[0]) for row in rows):
            raise ValueError("rows of X must all have the same length")
        X = rows
    table = np.array(X, dtype=float)
    if table.ndim != 2 or table.shape[0] == 0 or table.shape[1] == 0:
        raise ValueError("X must be a table with at least one row and one column")
    if not np.isfinite(table).all():
        raise ValueError("X contains NaN or infinity")
    return table
