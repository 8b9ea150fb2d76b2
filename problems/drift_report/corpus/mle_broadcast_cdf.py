# expect: memory_limit_exceeded
# why: both CDFs at every pooled value by broadcasting sample[:, None] <= points[None, :]:
#   an n x (n + m) table, 80 GB of booleans for 200,000 values each
import numpy as np


def drift_report(reference, current, bins=10):
    if isinstance(bins, bool) or not isinstance(bins, (int, np.integer)):
        raise TypeError("bins must be an integer")
    if bins < 1:
        raise ValueError("bins must be >= 1")
    try:
        ref = np.asarray(reference, dtype=float)
        cur = np.asarray(current, dtype=float)
    except (TypeError, ValueError):
        raise ValueError("samples must be numeric") from None
    if ref.ndim != 1 or cur.ndim != 1 or ref.size == 0 or cur.size == 0:
        raise ValueError("samples must be non-empty and 1-D")
    if not (np.isfinite(ref).all() and np.isfinite(cur).all()):
        raise ValueError("non-finite values")
    edges = np.quantile(ref, np.arange(1, bins) / bins)
    r = np.maximum(np.bincount(np.searchsorted(edges, ref, side="right"), minlength=bins) / ref.size, 1e-4)
    c = np.maximum(np.bincount(np.searchsorted(edges, cur, side="right"), minlength=bins) / cur.size, 1e-4)
    psi = float(np.sum((c - r) * np.log(c / r)))
    points = np.concatenate([ref, cur])
    f_ref = (ref[:, None] <= points[None, :]).mean(axis=0)
    f_cur = (cur[:, None] <= points[None, :]).mean(axis=0)
    return {"psi": psi, "ks": float(np.abs(f_ref - f_cur).max())}
