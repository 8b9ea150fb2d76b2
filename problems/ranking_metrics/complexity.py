"""Complexity declaration for ranking_metrics (trusted; runs in the judge only).

n is the number of results of a single query; half of the retrieved
documents are judged (relevances 0-3, so about 3/8 of the results are
relevant), and k = n, so every rank counts. One sort is O(n log n); looking
each ranked document up in a list of the relevant ones is O(n^2).
"""

from __future__ import annotations

import random

from judge.testing import Call, Case, Declaration


def build(n: int, rng: random.Random) -> Case:
    docs = [f"doc{i}" for i in range(n)]
    entries = [(doc, rng.randrange(max(1, n // 2))) for doc in docs]
    judged = {doc: rng.randrange(4) for doc in rng.sample(docs, n // 2)}
    judged[docs[0]] = 1  # at least one relevant document
    return Case(timed=Call("ranking_metrics", ({"q": judged}, {"q": entries}, n)))


DECLARATION = Declaration(
    size="results n of one query (n/2 judged, k = n)",
    time="O(n log n)",
    memory="O(n)",
    sizes=(256, 16_384),
    memory_sizes=(256, 8192),  # every doubling traced: the reference's top call stays cheap
    build=build,
)
