"""Complexity declaration for text_chunker (trusted; runs in the judge only).

n is the number of tokens of the text. Sentences have 1 to 30 tokens; max_tokens grows with the
text (n / 16, so about 16 chunks) and overlap is a quarter of it. A one-pass packer is O(n);
recounting the tokens of the growing chunk after each sentence is O(n * max_tokens) = O(n^2).
"""

from __future__ import annotations

import random

from judge.testing import Call, Case, Declaration

WORDS = ["the", "model", "retrieves", "passages", "from", "an", "index", "of", "chunks", "with",
         "overlap", "so", "that", "no", "answer", "falls", "between", "two", "pieces", "e.g"]


def build(n: int, rng: random.Random) -> Case:
    tokens = rng.choices(WORDS, k=n)
    i = 0
    while i < n:
        i += rng.randint(1, 30)
        tokens[min(i, n) - 1] += rng.choice(".!?")
    max_tokens = max(8, n // 16)
    return Case(timed=Call("chunk_text", (" ".join(tokens), max_tokens, max_tokens // 4)))


DECLARATION = Declaration(
    size="tokens of the text (max_tokens = n/16, overlap = max_tokens/4)",
    time="O(n)",
    memory="O(n)",
    sizes=(2048, 131_072),
    build=build,
)
