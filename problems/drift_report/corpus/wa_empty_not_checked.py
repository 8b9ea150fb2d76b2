# expect: wrong_answer
# why: no check for an empty sample: np.quantile raises IndexError, not the ValueError the spec asks for

from __future__ import annotations

import numbers

import numpy as np

FLOOR = 1e-4


def _sample(values, name: str) -> np.ndarray:
    if isinstance(values, np.ndarray):
        if values.ndim != 1:
            raise ValueError(f"{name} must be one-dimensional, not {values.ndim}-D")
        items = values.tolist()
    elif isinstance(values, (list, tuple)):
        items = list(values)
    else:
        raise TypeError(f"{name} must be a list, tuple or 1-D array")
    for index, item in enumerate(items):
        if isinstance(item, (list, tuple)):
            raise ValueError(f"{name} must be one-dimensional (item {index} is a sequence)")
        if isinstance(item, bool) or not isinstance(item, numbers.Real):
            raise TypeError(f"{name}[{index}] = {item!r} is not a real number")
    array = np.asarray(items, dtype=float)
    if not np.isfinite(array).all():
        raise ValueError(f"{name} holds NaN or infinite values")
    return array


def drift_report(reference, current, bins=10) -> dict:
    if isinstance(bins, bool) or not isinstance(bins, numbers.Integral):
        raise TypeError(f"bins must be an integer, not {type(bins).__name__}")
    if bins < 1:
        raise ValueError("bins must be at least 1")
    ref = np.sort(_sample(reference, "reference"))
    cur = np.sort(_sample(current, "current"))

    edges = np.quantile(ref, np.arange(1, bins) / bins)  # NumPy's default: linear
    r = np.bincount(np.searchsorted(edges, ref, side="right"), minlength=bins) / ref.size
    c = np.bincount(np.searchsorted(edges, cur, side="right"), minlength=bins) / cur.size
    r, c = np.maximum(r, FLOOR), np.maximum(c, FLOOR)
    psi = float(np.sum((c - r) * np.log(c / r)))

    points = np.concatenate([ref, cur])
    f_ref = np.searchsorted(ref, points, side="right") / ref.size
    f_cur = np.searchsorted(cur, points, side="right") / cur.size
    ks = float(np.max(np.abs(f_ref - f_cur)))
    return {"psi": psi, "ks": ks}
