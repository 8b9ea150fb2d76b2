"""Complexity declaration for feature_preprocessor (trusted; runs in the judge only).

n is the number of rows: `fit` on n rows (untimed, one instance kept per
size), then `transform` of n other rows is timed. Two numeric columns (one
missing in about half the rows) and one categorical column of 10 categories
(a tenth of the serving values unseen), so the output is n x 12 and a clean
transform is O(n). Recomputing a training statistic from the stored training
column for each value, even only for the missing ones, is O(n^2).
"""

from __future__ import annotations

import random

from judge.testing import Call, Case, Declaration

CATEGORIES = [f"c{i}" for i in range(10)]


def _rows(n: int, rng: random.Random, serving: bool) -> list[dict]:
    rows = []
    for _ in range(n):
        row = {"x": rng.randrange(-1000, 1000) / 4, "city": rng.choice(CATEGORIES)}
        if rng.random() < 0.5:
            row["y"] = rng.randrange(100)
        if serving and rng.random() < 0.1:
            row["city"] = "unseen"
        rows.append(row)
    return rows


def build(n: int, rng: random.Random) -> Case:
    train = _rows(n, rng, False)
    train[0]["y"] = 1  # a present value, whatever the draw
    return Case(construct=Call("Preprocessor", (["x", "y"], ["city"])), setup=(Call("fit", (train,)),),
                timed=Call("transform", (_rows(n, rng, True),)), reuse_instance=True)


DECLARATION = Declaration(
    size="rows n, fit and transformed (2 numeric columns, 1 categorical of 10 categories)",
    time="O(n)",
    memory="O(n)",
    sizes=(128, 16_384),
    memory_sizes=(128, 4096),  # every doubling traced: the reference's top call stays cheap
    build=build,
)
