"""Reference: rows normalised once (a zero row stays zero), queries taken in
blocks so no block of similarities exceeds about 2 million floats, and per
query an argpartition that keeps every entry tied with the k-th value, then an
exact (similarity descending, index ascending) sort of those few."""

from __future__ import annotations

import numpy as np

_BLOCK_CELLS = 1 << 21


def _matrix(value, name: str) -> np.ndarray:
    try:
        array = np.asarray(value, dtype=float)
    except (TypeError, ValueError) as error:
        raise ValueError(f"{name} must be a 2-D array of numbers: {error}") from None
    if array.size == 0 and array.ndim == 1:
        return array.reshape(0, 0)
    if array.ndim != 2:
        raise ValueError(f"{name} must be 2-D, got {array.ndim}-D")
    if not np.isfinite(array).all():
        raise ValueError(f"{name} holds NaN or infinity")
    return array


def _unit_rows(array: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(array, axis=1)
    safe = np.where(norms == 0, 1.0, norms)
    return array / safe[:, None]


def top_k_cosine(corpus, queries, k):
    if isinstance(k, bool) or not isinstance(k, (int, np.integer)):
        raise TypeError(f"k must be an int, got {type(k).__name__}")
    if k < 0:
        raise ValueError(f"k must be >= 0, got {k}")
    C = _matrix(corpus, "corpus")
    Q = _matrix(queries, "queries")
    n, m = C.shape[0], Q.shape[0]
    if n and m and C.shape[1] != Q.shape[1]:
        raise ValueError(f"corpus rows have {C.shape[1]} dimensions, queries {Q.shape[1]}")
    take = min(k, n)
    if m == 0:
        return []
    if take == 0:
        return [[] for _ in range(m)]
    C = _unit_rows(C)
    Q = _unit_rows(Q)
    out = []
    step = max(1, _BLOCK_CELLS // n)
    indices = np.arange(n)
    for start in range(0, m, step):
        sims = Q[start:start + step] @ C.T
        for row in sims:
            if take < n:
                kth = np.partition(row, n - take)[n - take]  # the take-th largest value
                candidates = indices[row >= kth]
            else:
                candidates = indices
            order = np.lexsort((candidates, -row[candidates]))[:take]
            chosen = candidates[order]
            out.append([(int(i), float(row[i])) for i in chosen])
    return out
