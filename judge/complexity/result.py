"""The outcome of the complexity phase, as data for the reporters."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from judge.complexity.claim import AxisClaim, ClaimCheck, check_claim
from judge.complexity.classes import Complexity
from judge.complexity.fit import Fit, Point


@dataclass(frozen=True)
class AxisResult:
    """Time or memory: the points measured and how they were classified."""

    axis: str  # "time" | "memory"
    unit: str  # "s" | "bytes"
    points: tuple[Point, ...]
    fit: Fit

    @property
    def expected(self) -> Complexity:
        return self.fit.expected

    @property
    def measured(self) -> Complexity | None:
        return self.fit.measured

    def to_dict(self) -> dict:
        fit = self.fit
        return {
            "expected": fit.expected.label,
            "measured": fit.measured.label if fit.measured else None,
            "within_expected": fit.within_expected,
            "relation": fit.relation,
            "consistent_with": [c.label for c in fit.consistent] if fit.measured else [],
            "confidence": round(fit.confidence, 3),
            "residual": None if fit.residual is None else round(fit.residual, 4),
            "growth_exponent": None if fit.slope is None else round(fit.slope, 3),
            "growth_exponent_error": None if fit.slope_error is None else round(fit.slope_error, 3),
            "fit_window": list(fit.window),
            "coefficient": fit.coefficient,
            "unit": self.unit,
            "points": [p.to_dict() for p in self.points],
            "reason": fit.reason,
        }


@dataclass(frozen=True)
class ComplexityResult:
    """What `judge.complexity.measure` returns; `to_dict` fills the JSON report."""

    size: str  # what n means for this problem
    time: AxisResult
    memory: AxisResult | None
    wall_s: float = 0.0  # the whole phase, as the judge saw it
    worker_cpu_s: float = 0.0  # CPU the worker reported for the phase (untrusted)
    notes: tuple[str, ...] = field(default=())
    # What the solution's source says ("# time: O(n)"), by axis; docs/complexity.md.
    claims: Mapping[str, AxisClaim] = field(default_factory=dict)

    def claim_check(self, axis: AxisResult) -> ClaimCheck | None:
        """The solution's claim for this axis against the measurement; None when it makes none."""
        claim = self.claims.get(axis.axis)
        return None if claim is None else check_claim(claim, axis.fit)

    @property
    def worse_than_expected(self) -> bool:
        """True only when some axis is confidently in a worse class than declared."""
        return any(axis.fit.worse_than_expected for axis in self.axes)

    @property
    def axes(self) -> tuple[AxisResult, ...]:
        return (self.time,) if self.memory is None else (self.time, self.memory)

    def to_dict(self) -> dict:
        return {
            "size": self.size,
            "time": self._axis_dict(self.time),
            "memory": None if self.memory is None else self._axis_dict(self.memory),
            "worse_than_expected": self.worse_than_expected,
            "wall_s": round(self.wall_s, 3),
            "worker_cpu_s": round(self.worker_cpu_s, 3),
            "notes": list(self.notes),
        }

    def _axis_dict(self, axis: AxisResult) -> dict:
        check = self.claim_check(axis)
        return {**axis.to_dict(), "claim": None if check is None else check.to_dict()}
