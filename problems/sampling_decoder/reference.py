"""Reference for sampling_decoder: validate, stable softmax, sort once, filter, one weighted draw.

The tokens are ordered by weight descending, ties by the smaller index, with one
sort (O(V log V)); top-k keeps a prefix of that order, top-p the shortest prefix
of what is left whose renormalised mass reaches p. The draw is
`rng.choices(kept, weights)`, which scales one `rng.random()` by the total
weight and bisects the cumulative weights.
"""

from __future__ import annotations

import math
import random
from numbers import Integral, Real


def sample_next(logits, rng: random.Random, temperature: float = 1.0, top_k: int | None = None,
                top_p: float | None = None) -> int:
    values = _checked_logits(logits)
    _check_temperature(temperature)
    _check_top_k(top_k)
    _check_top_p(top_p)

    if temperature == 0:
        best = max(values)
        return values.index(best)  # the first (smallest) index holding the largest logit

    top = max(values)
    # exp((l - max) / T): the largest weight is exactly 1, nothing overflows, -inf gives 0.
    weights = [math.exp((v - top) / temperature) for v in values]
    order = sorted(range(len(values)), key=lambda i: (-weights[i], i))
    if top_k is not None:
        order = order[:top_k]
    if top_p is not None and top_p < 1:
        total = math.fsum(weights[i] for i in order)
        goal = top_p * total
        running = 0.0
        for end, i in enumerate(order, start=1):
            running += weights[i]
            if running >= goal:
                order = order[:end]
                break
    return rng.choices(order, weights=[weights[i] for i in order])[0]


def _checked_logits(logits) -> list[float]:
    if isinstance(logits, (str, bytes)) or not hasattr(logits, "__iter__"):
        raise TypeError("logits must be a list of numbers")
    values = []
    for position, value in enumerate(logits):
        if isinstance(value, bool) or not isinstance(value, Real):
            raise TypeError(f"logit {position} is not a real number: {value!r}")
        value = float(value)
        if math.isnan(value) or value == math.inf:
            raise ValueError(f"logit {position} is {value}: only finite numbers and -inf are allowed")
        values.append(value)
    if not values:
        raise ValueError("logits is empty")
    if max(values) == -math.inf:
        raise ValueError("every logit is -inf: no token can be sampled")
    return values


def _check_temperature(temperature) -> None:
    if isinstance(temperature, bool) or not isinstance(temperature, Real):
        raise TypeError(f"temperature must be a real number, got {temperature!r}")
    if not (0 <= temperature < math.inf):
        raise ValueError(f"temperature must be finite and >= 0, got {temperature}")


def _check_top_k(top_k) -> None:
    if top_k is None:
        return
    if isinstance(top_k, bool) or not isinstance(top_k, Integral):
        raise TypeError(f"top_k must be None or an int, got {top_k!r}")
    if top_k < 1:
        raise ValueError(f"top_k must be at least 1, got {top_k}")


def _check_top_p(top_p) -> None:
    if top_p is None:
        return
    if isinstance(top_p, bool) or not isinstance(top_p, Real):
        raise TypeError(f"top_p must be None or a real number, got {top_p!r}")
    if not (0 < top_p <= 1):
        raise ValueError(f"top_p must be in (0, 1], got {top_p}")
