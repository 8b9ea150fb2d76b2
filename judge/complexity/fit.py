"""Classify measured points (size n, cost) into a complexity class.

The method, and why (docs/complexity.md has the long version):

* Only the largest sizes are used: at small n constant overheads (the call
  itself, argument checks) hide the growth we are after.
* The growth exponent b is the Theil-Sen slope of ln(cost) against ln(n): the
  median of pairwise slopes, so one disturbed size cannot drag it.
* Each class k has its own exponent over the same sizes, gamma_k (the slope
  of ln g_k(n)); O(n log n) is 1.11 over a 64x span, not 1.
* Classes whose exponents are closer than timing noise and cache effects
  (O(1)/O(log n), O(n)/O(n log n)) form one *group*. The measured group is
  the band b falls in; inside a group we never pick a side, we report the
  expected class when it is a member (the hypothesis the data cannot reject),
  else the simplest member, and say "consistent with".
* "Worse than expected" needs the measured group above the expected one *and*
  b minus two standard errors beyond the band edge: noise cannot flag.
* Too few sizes, or a slope error too large to tell groups apart, gives an
  honest "inconclusive".
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TypedDict

from judge.complexity.classes import Complexity, log_growth

# The slope window: sizes at least n_max / WINDOW_SPAN, and at least MIN_WINDOW of them.
WINDOW_SPAN = 16.0
MIN_WINDOW = 4
MIN_POINTS = 4
# No class is decided over less than a decade of n: over a narrower span fixed
# overheads pass for slower growth (a linear peak under a constant one looks O(1)),
# so a short span is "inconclusive", never a class.
MIN_SPAN = 10.0
# Below this the standard error is not believable (5 points, 3 degrees of freedom).
SLOPE_ERROR_FLOOR = 0.03
# A slope error above this cannot separate groups about 0.9 apart at two sigma.
MAX_SLOPE_ERROR = 0.2
Z_WORSE = 2.0
# Memory peaks under this many bytes are bookkeeping noise, not growth: added to every peak.
MEMORY_FLOOR_BYTES = 4096.0


@dataclass(frozen=True)
class Point:
    """One size: the smallest cost seen (interference only ever adds) and how noisy it was."""

    n: int
    value: float
    spread: float = 0.0  # median / min - 1 over the samples of this size
    samples: int = 1

    @classmethod
    def from_samples(cls, n: int, samples: Sequence[float]) -> Point:
        best = min(samples)
        middle = statistics.median(samples)
        spread = (middle / best - 1.0) if best > 0 else 0.0
        return cls(n=n, value=best, spread=spread, samples=len(samples))

    def to_dict(self) -> dict:
        return {"n": self.n, "value": self.value, "spread": round(self.spread, 4), "samples": self.samples}


@dataclass(frozen=True)
class Fit:
    """The outcome of classifying one axis (time or memory)."""

    expected: Complexity
    measured: Complexity | None  # None: inconclusive
    consistent: tuple[Complexity, ...] = ()
    slope: float | None = None
    slope_error: float | None = None
    confidence: float = 0.0
    residual: float | None = None
    coefficient: float | None = None  # cost ~ coefficient * g_measured(n) over the window
    relation: str = "inconclusive"  # within | better | worse | uncertain | inconclusive
    reason: str = ""
    window: tuple[int, ...] = field(default=())

    @property
    def within_expected(self) -> bool | None:
        """True when not worse than expected, False when confidently worse, None when unknown."""
        if self.relation in ("within", "better"):
            return True
        return False if self.relation == "worse" else None

    @property
    def worse_than_expected(self) -> bool:
        return self.relation == "worse"


def classify(points: Sequence[Point], expected: Complexity, *, floor: float = 0.0) -> Fit:
    """Classify `points` against `expected`.

    `floor` is added to every cost before taking logs: memory peaks of a few
    hundred bytes are noise around zero, not a growth signal.
    """
    usable = sorted((p for p in points if p.value + floor > 0), key=lambda p: p.n)
    problem = _data_problem(usable)
    if problem:
        return Fit(expected=expected, measured=None, reason=problem)
    window = _window(usable)
    xs = [math.log(p.n) for p in window]
    ys = [math.log(p.value + floor) for p in window]
    slope = theil_sen(xs, ys)
    error = max(_slope_error(xs, ys, slope), SLOPE_ERROR_FLOOR)
    gammas = {c: _class_slope(c, [p.n for p in window]) for c in Complexity}
    return _decide(expected, slope, error, gammas, window, floor)


def _data_problem(points: Sequence[Point]) -> str:
    if len(points) < MIN_POINTS:
        return f"only {len(points)} usable sizes (need {MIN_POINTS})"
    span = points[-1].n / points[0].n
    if span < MIN_SPAN:
        return f"sizes span only {span:.0f}x, n = {points[0].n}..{points[-1].n} (a class needs a decade)"
    return ""


def _window(points: Sequence[Point]) -> list[Point]:
    """The largest sizes: those within WINDOW_SPAN of the biggest, at least MIN_WINDOW."""
    top = points[-1].n
    inside = [p for p in points if p.n * WINDOW_SPAN >= top]
    if len(inside) < MIN_WINDOW:
        inside = list(points[-MIN_WINDOW:])
    return inside


def theil_sen(xs: Sequence[float], ys: Sequence[float]) -> float:
    """Median of the slopes of all pairs of points with distinct x."""
    slopes = [
        (ys[j] - ys[i]) / (xs[j] - xs[i])
        for i in range(len(xs))
        for j in range(i + 1, len(xs))
        if xs[j] != xs[i]
    ]
    return statistics.median(slopes)


def _slope_error(xs: Sequence[float], ys: Sequence[float], slope: float) -> float:
    """Standard error of a line's slope, from the scatter of the points around it."""
    if len(xs) < 3:
        return math.inf
    mean_x = statistics.fmean(xs)
    intercept = statistics.median(y - slope * x for x, y in zip(xs, ys))
    residuals = [y - (intercept + slope * x) for x, y in zip(xs, ys)]
    spread_x = sum((x - mean_x) ** 2 for x in xs)
    variance = sum(r * r for r in residuals) / (len(xs) - 2)
    return math.sqrt(variance / spread_x)


def _class_slope(cls: Complexity, sizes: Sequence[int]) -> float:
    """The exponent class `cls` shows over exactly these sizes (least squares in log space)."""
    xs = [math.log(n) for n in sizes]
    ys = [log_growth(cls, n) for n in sizes]
    mean_x, mean_y = statistics.fmean(xs), statistics.fmean(ys)
    num = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys))
    den = sum((x - mean_x) ** 2 for x in xs)
    return num / den


def group_bands(gammas: dict[Complexity, float]) -> dict[int, tuple[float, float]]:
    """For each group, the exponent band [low, high) that maps to it: cuts halfway between groups."""
    groups = sorted({c.group for c in gammas})
    lows = {g: min(v for c, v in gammas.items() if c.group == g) for g in groups}
    highs = {g: max(v for c, v in gammas.items() if c.group == g) for g in groups}
    bands = {}
    for i, g in enumerate(groups):
        low = -math.inf if i == 0 else _cut(highs[groups[i - 1]], lows[g])
        high = math.inf if i == len(groups) - 1 else _cut(highs[g], lows[groups[i + 1]])
        bands[g] = (low, high)
    return bands


def _cut(high_below: float, low_above: float) -> float:
    """Halfway between two groups, but never more than half a power above the lower one:
    2^n has an enormous exponent over doubling sizes, and anything clearly beyond n^3
    is better called exponential than cubic."""
    return min((high_below + low_above) / 2, high_below + 0.5)


class _Decided(TypedDict):
    """The fields of a Fit that _decide sets whether or not it reaches a class."""

    expected: Complexity
    consistent: tuple[Complexity, ...]
    slope: float
    slope_error: float
    confidence: float
    window: tuple[int, ...]


def _decide(
    expected: Complexity,
    slope: float,
    error: float,
    gammas: dict[Complexity, float],
    window: Sequence[Point],
    floor: float,
) -> Fit:
    bands = group_bands(gammas)
    group = next(g for g, (low, high) in bands.items() if low <= slope < high)
    members = tuple(c for c in Complexity if c.group == group)
    measured = expected if expected in members else members[0]
    low, high = bands[group]
    confidence = _normal_cdf((high - slope) / error) - _normal_cdf((low - slope) / error)
    base = _Decided(
        expected=expected,
        consistent=members,
        slope=slope,
        slope_error=error,
        confidence=confidence,
        window=tuple(p.n for p in window),
    )
    # Scatter matters only when it blurs the band: 2^n is far from straight in
    # log-log space (large error) yet nowhere near any polynomial band.
    if error > MAX_SLOPE_ERROR and not low <= slope - Z_WORSE * error <= slope + Z_WORSE * error < high:
        reason = f"growth exponent {slope:.2f} +/- {error:.2f}: too noisy to tell classes apart"
        return Fit(measured=None, reason=reason, **base)
    neighbour = _crossed_neighbour(group, slope, error, bands)
    if neighbour is not None:
        # Two standard errors reach into the next band: calling either class would be a guess.
        between = " and ".join(c.label for c in sorted((measured, neighbour), key=lambda c: c.group))
        reason = (f"growth exponent {slope:.2f} +/- {error:.2f} over n = {window[0].n}..{window[-1].n} "
                  f"lies between {between}: larger sizes would tell")
        return Fit(measured=None, relation="uncertain", reason=reason, **base)
    residual, coefficient = _class_fit(measured, window, floor)
    relation = _relation(expected, measured, slope, error, bands)
    reason = f"growth exponent {slope:.2f} +/- {error:.2f} over n = {window[0].n}..{window[-1].n}"
    return Fit(measured=measured, residual=residual, coefficient=coefficient, relation=relation, reason=reason, **base)


def _crossed_neighbour(group: int, slope: float, error: float, bands: dict[int, tuple[float, float]]) -> Complexity | None:
    """The simplest class of the band next to `group` that the slope's two-sigma interval reaches into."""
    low, high = bands[group]
    groups = sorted(bands)
    index = groups.index(group)
    if slope + Z_WORSE * error >= high and index + 1 < len(groups):
        other = groups[index + 1]
    elif slope - Z_WORSE * error < low and index > 0:
        other = groups[index - 1]
    else:
        return None
    return next(c for c in Complexity if c.group == other)


def relation_to(fit: Fit, other: Complexity) -> str:
    """How the measurement stands against a class other than the expected one (a candidate's
    claim), by the same rules: within | better | worse | uncertain | inconclusive."""
    # A Fit with a measured class always has its slope and error (see _decide).
    if fit.measured is None or fit.slope is None or fit.slope_error is None or not fit.window:
        return "inconclusive"
    bands = group_bands({c: _class_slope(c, fit.window) for c in Complexity})
    return _relation(other, fit.measured, fit.slope, fit.slope_error, bands)


def _relation(
    expected: Complexity, measured: Complexity, slope: float, error: float, bands: dict[int, tuple[float, float]]
) -> str:
    if measured.group < expected.group:
        return "better"
    if measured.group == expected.group:
        return "within"
    # Worse only when even the pessimistic end of the estimate clears the expected band.
    edge = bands[expected.group][1]
    return "worse" if slope - Z_WORSE * error > edge else "uncertain"


def _class_fit(cls: Complexity, window: Sequence[Point], floor: float) -> tuple[float, float]:
    """RMS log residual and coefficient c of cost ~ c * g(n) over the window."""
    logs = [math.log(p.value + floor) - log_growth(cls, p.n) for p in window]
    centre = statistics.median(logs)
    residual = math.sqrt(statistics.fmean((v - centre) ** 2 for v in logs))
    return residual, math.exp(centre)


def _normal_cdf(z: float) -> float:
    return 0.5 * (1.0 + math.erf(z / math.sqrt(2.0)))
