# expect: accepted
# why: NumPy: thin SVD of the centred data, s^2 / (n - 1), projections as U * s, the sign flip applied to both
import numpy as np


def pca(X, n_components):
    if isinstance(n_components, bool) or not isinstance(n_components, (int, np.integer)):
        raise TypeError("n_components")
    try:
        A = np.asarray(X, dtype=np.float64)
    except ValueError:
        raise ValueError("X is ragged") from None
    if A.ndim != 2 or A.shape[0] < 2 or A.shape[1] < 1 or not np.all(np.isfinite(A)):
        raise ValueError("X must be a finite table with at least 2 rows")
    k = int(n_components)
    if not 0 < k <= min(A.shape):
        raise ValueError("n_components")
    Xc = A - A.mean(axis=0)
    U, s, Vt = np.linalg.svd(Xc, full_matrices=False)
    U, s, Vt = U[:, :k], s[:k], Vt[:k]
    mags = np.abs(Vt)
    first = np.argmax(mags >= mags.max(axis=1, keepdims=True) * (1 - 1e-9), axis=1)
    signs = np.sign(Vt[np.arange(k), first])
    signs[signs == 0] = 1
    return Vt * signs[:, None], s ** 2 / (A.shape[0] - 1), U * (s * signs)
