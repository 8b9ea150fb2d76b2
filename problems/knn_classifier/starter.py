"""knn_predict: k-nearest-neighbour classification with exact tie rules (`judge show knn_classifier`)."""


# Your complexity: replace each ? with yours, e.g. O(n log n); the report checks it.
# time: O(?)
# memory: O(?)
def knn_predict(X_train, y_train, X_query, k: int) -> list:
    """One label per row of X_query, by a majority vote of its k nearest training rows.

    - Distance: squared Euclidean. Equal distances: the smaller training index is nearer;
      exactly k neighbours.
    - Vote: the most frequent label; a tied vote goes to the tied label whose nearest
      member is nearest (the first tied label in neighbour order).
    - Labels are any hashable values, returned as given.
    - TypeError: k not an int. ValueError: empty, ragged or zero-length rows,
      len(y_train) != len(X_train), NaN/inf, k outside 1..n, query width != train width.
    - Expected: O(n d) time and O(n) extra memory per query (n = training rows);
      never an n_query x n_train matrix.

    Third-party modules allowed: numpy only.
    """
    raise NotImplementedError
