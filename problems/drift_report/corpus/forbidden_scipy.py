# expect: forbidden_import
# why: scipy.stats.ks_2samp gives the KS statistic, but only NumPy is allowed
import numpy as np
from scipy.stats import ks_2samp


def drift_report(reference, current, bins=10):
    ref = np.asarray(reference, dtype=float)
    cur = np.asarray(current, dtype=float)
    edges = np.quantile(ref, np.arange(1, bins) / bins)
    r = np.maximum(np.bincount(np.searchsorted(edges, ref, side="right"), minlength=bins) / ref.size, 1e-4)
    c = np.maximum(np.bincount(np.searchsorted(edges, cur, side="right"), minlength=bins) / cur.size, 1e-4)
    return {"psi": float(np.sum((c - r) * np.log(c / r))), "ks": float(ks_2samp(ref, cur).statistic)}
