"""Complexity declaration for adam_optimizer (trusted; runs in the judge only).

n is the step number t: the timed call is step t after t - 1 untimed steps on
the same instance (two parameters of 8 and 2 x 4 elements). A step updates the
running moments, so its cost does not depend on t: O(1). Keeping every
gradient and recomputing the moments from the history makes step t O(t).
"""

from __future__ import annotations

import random

from judge.testing import Call, Case, Declaration


def _pair(rng: random.Random) -> tuple[list, list]:
    return ([rng.randrange(-16, 17) / 16 for _ in range(8)],
            [[rng.randrange(-16, 17) / 16 for _ in range(4)] for _ in range(2)])


def build(n: int, rng: random.Random) -> Case:
    params = list(_pair(rng))
    setup = tuple(Call("step", (params, list(_pair(rng)))) for _ in range(n - 1))
    return Case(construct=Call("Adam", kwargs={"lr": 0.01}), setup=setup,
                timed=Call("step", (params, list(_pair(rng)))), reuse_instance=True)


DECLARATION = Declaration(
    size="step number n = t (two parameters, 16 elements)",
    time="O(1)",
    memory="O(1)",
    sizes=(64, 2048),
    build=build,
)
