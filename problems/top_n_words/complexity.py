"""Complexity declaration for top_n_words (trusted; runs in the judge only).

n is the text length L in characters. The vocabulary grows with the text
(about one distinct word per 40 characters), so a solution that rescans its
distinct words per word is quadratic, as it would be on real text.
"""

from __future__ import annotations

import random
import string

from judge.complexity.declare import Call, Case, Declaration

SEPARATORS = (" ", " ", " ", ", ", ". ", "\n", "; ", "! ")
TOP = 10


def _word(rng: random.Random) -> str:
    word = "".join(rng.choice(string.ascii_lowercase) for _ in range(rng.randint(2, 9)))
    # Some capitalised forms: the same word must be counted after lowercasing.
    return word.capitalize() if rng.random() < 0.2 else word


def build(n: int, rng: random.Random) -> Case:
    """About n characters of words and punctuation, with ~n/40 distinct words."""
    vocabulary = [_word(rng) for _ in range(max(4, n // 40))]
    parts, length = [], 0
    while length < n:
        part = rng.choice(vocabulary) + rng.choice(SEPARATORS)
        parts.append(part)
        length += len(part)
    return Case(timed=Call("top_n_words", ("".join(parts)[:n], TOP)))


DECLARATION = Declaration(
    size="text length L (distinct words grow with it)",
    time="O(n log n)",
    memory="O(n)",  # the counts of the distinct words
    sizes=(512, 524_288),
    build=build,
)
