"""K-Means: Lloyd's algorithm from given starting centroids (see `judge show kmeans`)."""


# Your complexity: replace each ? with yours, e.g. O(n log n); the report checks it.
# time: O(?)
# memory: O(?)
def kmeans(X, centroids, max_iter: int = 100, tol: float = 1e-4):
    """Return (labels, centroids, n_iter).

    - Distance is squared Euclidean; a point's nearest centroid is the one at
      the smallest distance, ties to the smallest index.
    - One step: assign every point to its nearest centroid, then move each
      centroid to the mean of its points (a centroid with no point stays). The
      shift is the largest Euclidean distance any centroid moved.
    - Steps run until one has shift <= tol (that step counts) or max_iter
      steps are done (max_iter == 0: no step).
    - labels: the nearest *returned* centroid of each point (assign once more
      after the last step). centroids: the k final rows. n_iter: steps done.
    - X and centroids are lists of rows or 2-D NumPy arrays; do not modify them.
    - ValueError: no rows in X, no centroids, rows of unequal or zero length,
      centroid width != X's, NaN or infinity, max_iter < 0, tol < 0 or NaN.
    - Expected: O(n*k*d) per step.

    Third-party modules allowed: numpy only.
    """
    raise NotImplementedError
