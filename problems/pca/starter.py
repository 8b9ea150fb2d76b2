"""pca: principal axes, their variances and the projected data (`judge show pca`)."""


# Your complexity: replace each ? with yours, e.g. O(n log n); the report checks it.
# time: O(?)
# memory: O(?)
def pca(X, n_components: int):
    """Return (components, explained_variance, projected) for the centred X.

    - C = Xc^T Xc / (n - 1) (ddof = 1). components: the k unit eigenvectors of C
      of its largest eigenvalues, as rows, by decreasing eigenvalue;
      explained_variance: those eigenvalues; projected: Xc @ components^T.
    - Each component's largest-magnitude entry is positive (the first of entries
      tied within 1e-9 relative). Repeated eigenvalues: any orthonormal basis.
    - TypeError: n_components not an int. ValueError: fewer than 2 rows, ragged or
      zero-length rows, NaN/inf, n_components outside 1..min(n, d).
    - Expected: O(n d^2 + d^3) time, O(n d) memory.

    Third-party modules allowed: numpy only.
    """
    raise NotImplementedError
