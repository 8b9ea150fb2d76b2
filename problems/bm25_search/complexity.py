"""Complexity declaration for bm25_search (trusted; runs in the judge only).

n is the number of documents. Every document holds 6 tokens from 64 common
words, and the two query terms are each in exactly 16 documents whatever n,
so an inverted index answers in constant time (its postings and the top 10
do not grow), while a search that visits every document is O(n). The index
is built untimed (construct, once per size); only `search` is timed.
"""

from __future__ import annotations

import random

from judge.testing import Call, Case, Declaration

COMMON = [f"w{i}" for i in range(64)]
POSTINGS = 16


def build(n: int, rng: random.Random) -> Case:
    docs = [" ".join(rng.choice(COMMON) for _ in range(6)) for _ in range(n)]
    for term in ("alpha", "beta"):
        for index in rng.sample(range(n), POSTINGS):
            docs[index] += " " + term
    return Case(
        construct=Call("BM25", (docs,)),
        timed=Call("search", ("alpha beta", 10)),
        reuse_instance=True,
    )


DECLARATION = Declaration(
    size="documents n (6 tokens each; the query's 2 terms in 16 documents each, top_k = 10)",
    time="O(1)",
    memory="O(1)",
    sizes=(512, 32_768),
    build=build,
)
