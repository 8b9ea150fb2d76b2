"""Vector search: the top k corpus vectors by cosine similarity for each query (see `judge show vector_search`)."""


# Your complexity: replace each ? with yours, e.g. O(n log n); the report checks it.
# time: O(?)
# memory: O(?)
def top_k_cosine(corpus, queries, k: int) -> list[list[tuple[int, float]]]:
    """For each query, min(k, n) pairs (corpus index, cosine similarity).

    - corpus (n x d) and queries (m x d): lists of lists or 2-D NumPy arrays.
    - cosine = dot(c, q) / (|c| |q|); 0 when c or q is the zero vector.
    - Sorted by similarity descending, equal similarities by index ascending;
      k >= n returns every row.
    - TypeError: k not an int (or a bool). ValueError: k < 0, arrays not 2-D,
      NaN or infinity, dimensions that differ.
    - Expected: O(n d) per query and a top-k selection; never the full m x n matrix.

    Third-party modules allowed: numpy only.
    """
    raise NotImplementedError
