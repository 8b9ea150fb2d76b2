"""Complexity declaration for bpe_tokenizer (trusted; runs in the judge only).

n is the number of words of the text given to `encode`. The merges grow with it: a vocabulary of
n / 16 distinct words of 3 to 8 letters, and the chain of merges that builds half of them left
to right (about 3n / 16 merges). A rank table makes each word cost O(L^2) for its L letters, so the
call is O(n); scanning the merges list per pair, or applying every merge to every word, is O(n M)
= O(n^2).
"""

from __future__ import annotations

import random
import string

from judge.testing import Call, Case, Declaration

END = "</w>"


def build(n: int, rng: random.Random) -> Case:
    vocabulary = list({"".join(rng.choices(string.ascii_lowercase, k=rng.randint(3, 8))) for _ in range(max(4, n // 16))})
    rng.shuffle(vocabulary)
    merges: dict[tuple[str, str], None] = {}
    for word in vocabulary[: len(vocabulary) // 2]:
        for i in range(1, len(word)):
            merges[word[:i], word[i]] = None
        merges[word, END] = None
    text = " ".join(rng.choices(vocabulary, k=n))
    return Case(timed=Call("encode", (text, list(merges))))


DECLARATION = Declaration(
    size="words in the text (distinct words n/16, merges about 3n/16)",
    time="O(n)",
    memory="O(n)",
    sizes=(256, 16_384),
    build=build,
)
