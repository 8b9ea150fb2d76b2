"""Complexity declaration for bootstrap_ci (trusted; runs in the judge only).

n is the number of values; the number of resamples is fixed at 8, so the
expected cost, n_resamples * n draws, is O(n). Building each resample by list
concatenation (`sample = sample + [x]`) copies it at every draw: O(n^2).
"""

from __future__ import annotations

import random

from judge.testing import Call, Case, Declaration, Rng

RESAMPLES = 8


def build(n: int, rng: random.Random) -> Case:
    values = [rng.randrange(1000) for _ in range(n)]
    return Case(timed=Call("bootstrap_ci", (values, "mean", RESAMPLES, 0.9, Rng(rng.randrange(2**32)))))


DECLARATION = Declaration(
    size="number of values n (8 resamples of the mean)",
    time="O(n)",
    memory="O(n)",
    sizes=(256, 65_536),
    build=build,
)
