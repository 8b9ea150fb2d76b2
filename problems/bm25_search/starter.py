"""BM25 search: an inverted index ranked by Okapi BM25 (see `judge show bm25_search`)."""


# Your complexity: replace each ? with yours, e.g. O(n log n); the report checks it.
# time: O(?)
# memory: O(?)
class BM25:
    """Index `docs` once; `search` ranks them by BM25 for a query.

    - Tokens: re.findall(r"[a-z0-9]+", text.lower()), for documents and queries alike.
    - idf(t) = ln(1 + (N - df + 0.5) / (df + 0.5)); score(d) = sum over the
      query's tokens (repeats count each time) of
      idf * tf * (k1 + 1) / (tf + k1 * (1 - b + b * dl / avgdl)).
    - search(query, top_k) -> [(doc_index, score)]: only scores > 0, highest
      first, equal scores by index ascending, at most top_k.
    - TypeError: docs not a list/tuple of str, k1/b not numbers, query not a
      str, top_k not an int (or a bool). ValueError: k1 < 0 or not finite,
      b outside [0, 1] or NaN, top_k < 0.
    - Expected: a query costs the postings of its tokens, not a scan of all documents.

    Standard library only.
    """

    def __init__(self, docs: list[str], k1: float = 1.5, b: float = 0.75) -> None:
        raise NotImplementedError

    def search(self, query: str, top_k: int) -> list[tuple[int, float]]:
        raise NotImplementedError
