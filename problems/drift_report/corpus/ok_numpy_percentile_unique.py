# expect: accepted
# why: np.percentile for the edges, np.digitize for the bins, KS at np.unique of the pooled values
# time: O(n log n)
import numpy as np


def drift_report(reference, current, bins=10):
    if isinstance(bins, (bool, np.bool_)) or not isinstance(bins, (int, np.integer)):
        raise TypeError("bins must be an integer")
    if bins < 1:
        raise ValueError("bins must be positive")
    arrays = []
    for x in (reference, current):
        try:
            a = np.array(x, dtype=np.float64)
        except (TypeError, ValueError) as error:
            raise ValueError(f"not numeric: {error}") from None
        if a.ndim != 1:
            raise ValueError("samples must be 1-D")
        if a.size == 0:
            raise ValueError("empty sample")
        if not np.all(np.isfinite(a)):
            raise ValueError("non-finite value")
        arrays.append(a)
    ref, cur = arrays
    edges = np.percentile(ref, 100.0 * np.arange(1, bins) / bins)
    p = np.bincount(np.digitize(ref, edges), minlength=bins) / len(ref)
    q = np.bincount(np.digitize(cur, edges), minlength=bins) / len(cur)
    p = np.clip(p, 1e-4, None)
    q = np.clip(q, 1e-4, None)
    psi = np.sum((q - p) * np.log(q / p))
    grid = np.unique(np.concatenate([ref, cur]))
    cdf_ref = np.searchsorted(np.sort(ref), grid, side="right") / len(ref)
    cdf_cur = np.searchsorted(np.sort(cur), grid, side="right") / len(cur)
    return {"psi": float(psi), "ks": float(np.abs(cdf_ref - cdf_cur).max()), "n": len(ref) + len(cur)}
