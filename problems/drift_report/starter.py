"""drift_report: PSI over reference-quantile bins and the two-sample KS statistic (`judge show drift_report`)."""

from __future__ import annotations


# Your complexity: replace each ? with yours, e.g. O(n log n); the report checks it.
# time: O(?)
# memory: O(?)
def drift_report(reference, current, bins=10) -> dict:
    """Return {"psi": float, "ks": float}.

    - psi: edges at the reference's k/bins quantiles (NumPy's default linear method), a value x in
      bin = number of edges <= x, shares floored at 1e-4, psi = sum((c - r) * ln(c / r)).
    - ks: max over x of |F_ref(x) - F_cur(x)| with right-continuous empirical CDFs (ties: after
      all copies of a value), like scipy.stats.ks_2samp(...).statistic.
    - Lists, tuples or 1-D arrays; errors (TypeError / ValueError): see `judge show drift_report`.
    - Expected: O((n + m) log(n + m)) time.

    Third-party modules allowed: numpy only.

    >>> drift_report([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], [1, 1, 2, 3, 4, 5, 6, 7, 8, 9], bins=4)["ks"]
    0.1
    """
    raise NotImplementedError
