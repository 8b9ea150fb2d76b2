"""Reference solution for `top_n_words`; runs in the judge process only."""

from __future__ import annotations

import re
from collections import Counter
from operator import itemgetter

# A word character in a str pattern is one for which str.isalnum() holds, or "_" (Python's re
# documents it, and applies the same Unicode test): without "_", exactly the characters of words.
# tests/problems/test_top_n_words_reference.py checks every code point.
WORD = re.compile(r"[^\W_]+")


def top_n_words(text: str, n: int) -> list[tuple[str, int]]:
    """The `n` most frequent words of `text`, as `(word, count)` pairs.

    A word is a maximal run of characters for which `str.isalnum()` holds, cut
    from the original text and only then lowercased. Pairs are ordered by count
    descending, then word ascending in plain `str` order.
    """
    _check_arguments(text, n)
    counts = Counter(_words(text))
    # By word, then by count descending: a sort keeps equal items in order, also in reverse,
    # so equal counts stay in word order (and sorting plain tuples beats a key function).
    ranked = sorted(sorted(counts.items()), key=itemgetter(1), reverse=True)
    return ranked[:n]


def _check_arguments(text: object, n: object) -> None:
    """Raise the exception the contract names for a bad argument."""
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    # bool is a subclass of int, but a flag is no count.
    if isinstance(n, bool) or not isinstance(n, int):
        raise TypeError(f"n must be an int, not {type(n).__name__}")
    if n < 0:
        raise ValueError(f"n must be >= 0, got {n}")


def _words(text: str) -> list[str]:
    """Cut runs of alphanumeric characters, then lowercase each run on its own.

    Lowercasing each cut word (not the whole text, not character by character)
    matters: 'İ'.lower() adds a combining mark that is not alphanumeric, and a
    capital sigma lowercases to 'ς' only at the end of its word.
    """
    return [run.lower() for run in WORD.findall(text)]
