"""How much to measure: sizes, rounds, repeats and the budgets that bound them.

The numbers are calibrated for a busy 2-core machine (docs/complexity.md):
- every budget is in units of work, not seconds: the worker times a fixed piece
  of interpreter work first, and the budgets scale with it, so a machine half as
  fast (or a core shared with a busy neighbour) reaches the same sizes, later;
- time sizes double from the declared smallest n; growth stops when the next call
  is predicted to cost more than `max_call_s` (a slow class stops early
  instead of running for seconds);
- memory sizes are fixed: every doubling of the declared memory range is traced,
  unless a traced call costs more than `memory_call_s` (then the axis says how
  far it got, and a span under a decade is inconclusive);
- a timed batch lasts at least `min_batch_s` (fast calls are repeated), so
  clock granularity and call overhead vanish;
- each size gets several rounds, sizes shuffled within a round, and the
  minimum per size is kept: interference from other processes only ever adds
  CPU time, and shuffling spreads every size over the whole phase.
"""

from __future__ import annotations

import dataclasses
import random
from dataclasses import dataclass


@dataclass(frozen=True)
class Budget:
    """Limits of one measurement phase, in CPU seconds of the worker."""

    max_call_s: float = 0.05
    extension_call_s: float = 0.6  # when the class is unclear, up to this per call (docs/complexity.md)
    max_extensions: int = 2
    min_batch_s: float = 0.002
    round_budget_s: float = 0.1  # per size, over all its rounds
    min_rounds: int = 1  # on top of the calibration call, which counts as a sample
    max_rounds: int = 4
    total_s: float = 0.35  # timed rounds of all sizes together
    memory_call_s: float = 0.5  # one traced call; a slower one ends the memory pass
    memory_s: float = 1.5  # all traced calls together

    def scaled(self, factor: float) -> Budget:
        """Every budget times `factor` (the machine's measured slowness against the nominal one)."""
        return dataclasses.replace(
            self, **{f.name: getattr(self, f.name) * factor for f in dataclasses.fields(self)
                     if f.name.endswith("_s") and f.name != "min_batch_s"},
        )

    def for_call_limit(self, time_per_call_s: float) -> Budget:
        """Scaled down so no single request comes near the problem's per-call CPU limit."""
        cap = time_per_call_s / 8
        if cap >= self.max_call_s:
            return self
        scale = cap / self.max_call_s
        return dataclasses.replace(
            self,
            max_call_s=cap,
            extension_call_s=min(self.extension_call_s, cap * 3),
            round_budget_s=self.round_budget_s * scale,
        )


def doubling_sizes(low: int, high: int) -> list[int]:
    """low, 2 low, 4 low, ... up to high."""
    sizes = []
    n = low
    while n <= high:
        sizes.append(n)
        n *= 2
    return sizes


def should_grow(times: list[float], max_call_s: float) -> bool:
    """Whether to calibrate the next size, given the single-call times so far.

    The next time is predicted from the last growth ratio (at least 2x for a
    doubling, since any class worth measuring grows at least that fast once
    overheads fade), so a quadratic stops before its 4x step blows the budget.
    """
    if not times:
        return True
    last = times[-1]
    if last > max_call_s:
        return False
    ratio = times[-1] / times[-2] if len(times) > 1 and times[-2] > 0 else 2.0
    return last * max(ratio, 2.0) <= max_call_s * 1.5


def plan_rounds(times: dict[int, float], budget: Budget, seed: int) -> list[list[int]]:
    """The timed rounds: each a shuffled list of sizes, cheap sizes in more rounds."""
    rounds_for = {
        n: max(budget.min_rounds, min(budget.max_rounds, int(budget.round_budget_s / max(t, 1e-9))))
        for n, t in times.items()
    }
    rng = random.Random(seed)
    plan: list[list[int]] = []
    spent = 0.0
    for index in range(budget.max_rounds):
        sizes = [n for n in times if rounds_for[n] > index]
        cost = sum(times[n] for n in sizes)
        if not sizes or (index >= budget.min_rounds and spent + cost > budget.total_s):
            break
        rng.shuffle(sizes)
        plan.append(sizes)
        spent += cost
    return plan
