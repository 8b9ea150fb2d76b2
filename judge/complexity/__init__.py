"""Measured time and memory complexity of a solution (docs/complexity.md).

Entry points used by the harness and the reporters:
- `measure(problem, client, seed)` -> ComplexityResult | None
- `render(result)` -> a rich renderable for the text report
- `plot_png(result, path)` for `judge run --plot FILE.png`
"""

from __future__ import annotations

from judge.complexity.classes import Complexity
from judge.complexity.display import plot_png, render
from judge.complexity.fit import Fit, Point, classify
from judge.complexity.phase import measure
from judge.complexity.result import AxisResult, ComplexityResult

__all__ = [
    "AxisResult",
    "Complexity",
    "ComplexityResult",
    "Fit",
    "Point",
    "classify",
    "measure",
    "plot_png",
    "render",
]
