"""Top N Words: the n most frequent words of a text (see `judge show top_n_words`)."""


# Your complexity: replace each ? with yours, e.g. O(n log n); the report checks it.
# time: O(?)
# memory: O(?)
def top_n_words(text: str, n: int) -> list[tuple[str, int]]:
    """Return the `n` most frequent words of `text` as `(word, count)` pairs.

    - A word is a maximal run of characters `c` with `c.isalnum()` true, cut
      from the original text and then lowercased with `str.lower()` (split
      first, lowercase second). Underscores, apostrophes and all punctuation
      separate words.
    - Pairs are sorted by count descending, then by word ascending in plain
      `str` order; at most `n` pairs (fewer when there are fewer distinct words).
      A pair may be a tuple or a two-element list.
    - `n == 0` returns `[]`; `n < 0` raises ValueError.
    - `n` that is not an int, or is a bool, raises TypeError; `text` that is
      not a str raises TypeError.
    - Expected: O(L log L) time or better in the text length L.

    >>> top_n_words("Don't stop, don't!", 2)
    [('don', 2), ('t', 2)]
    """
    raise NotImplementedError
