"""Showing a ComplexityResult: a rich renderable for the text report, a PNG for --plot.

The terminal plot is drawn here on a character grid (log-log axes, measured
points and the fitted curve) rather than with plotext: it needs no dependency
and no terminal, so it renders the same inside rich panels, in captured
output and in tests. The PNG uses Pillow, imported only when asked for.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from pathlib import Path

from rich.columns import Columns
from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from judge.complexity.claim import ClaimCheck
from judge.complexity.classes import Complexity, log_growth
from judge.complexity.fit import MEMORY_FLOOR_BYTES
from judge.complexity.result import AxisResult, ComplexityResult
from judge.errors import UsageError

PLOT_WIDTH = 30
PLOT_HEIGHT = 8

_MARKS = {
    "within": ("ok", "green"),
    "better": ("better", "green"),
    "worse": ("WORSE", "bold red"),
    "uncertain": ("unclear", "yellow"),
    "inconclusive": ("inconclusive", "yellow"),
}


def render(result: ComplexityResult) -> RenderableType:
    """Measured vs expected for time and memory at a glance, with small plots."""
    plots = [_plot_panel(axis) for axis in result.axes if axis.points]
    parts: list[RenderableType] = [_summary_table(result), _claim_lines(result)]
    if plots:
        parts.append(Columns(plots))
    parts.append(_footnote(result))
    return Panel(Group(*parts), title="complexity", title_align="left", border_style="dim")


def _summary_table(result: ComplexityResult) -> Table:
    table = Table(box=None, pad_edge=False, show_edge=False)
    for column in ("", "expected", "measured", "", "growth exponent", "confidence"):
        table.add_column(column)
    for axis in result.axes:
        fit = axis.fit
        mark, style = _MARKS[fit.relation if fit.measured else "inconclusive"]
        measured = _measured_label(axis)
        exponent = "" if fit.slope is None else f"{fit.slope:.2f} ± {fit.slope_error:.2f}"
        confidence = f"{fit.confidence:.0%}" if fit.measured else ""
        table.add_row(axis.axis, fit.expected.label, measured, Text(mark, style=style), exponent, confidence)
    return table


# How a claim held against the measurement, in words, and its colour.
_CLAIM_MARKS = {
    "agrees": ("agrees", "green"),
    "pessimistic": ("pessimistic: the measurement is better", "yellow"),
    "optimistic": ("OPTIMISTIC: the measurement is worse", "bold red"),
    "unclear": ("unclear: the measurement is above it, but not clearly", "yellow"),
    "unchecked": ("not checked: the measurement is inconclusive", "yellow"),
}


def _claim_lines(result: ComplexityResult) -> Text:
    """One line per axis the solution names ("time: you said O(n), agrees"); a nudge when none."""
    if not result.claims:
        return Text("name your complexity: add '# time: O(...)' and '# memory: O(...)' lines to your solution",
                    "dim")
    lines = []
    for axis in result.axes:
        check = result.claim_check(axis)
        if check is not None:
            lines.append(_claim_line(axis.axis, check))
    measured = {axis.axis for axis in result.axes}
    for name, claim in result.claims.items():
        if name not in measured:
            lines.append(Text(f"{name}: you said {claim.text}, not checked: this problem does not measure it", "dim"))
    return Text("\n").join(lines)


def _claim_line(axis: str, check: ClaimCheck) -> Text:
    claim = check.claim
    if check.verdict == "unreadable" or claim.complexity is None:  # the one verdict of a claim without a class
        return Text.assemble(f"{axis}: you said {claim.text!r} (line {claim.line}), ",
                             ("unreadable", "yellow"), f": {claim.problem}")
    words, style = _CLAIM_MARKS[check.verdict]
    said = f"{claim.text.strip()} ({claim.reading})" if claim.reading else claim.complexity.label
    return Text.assemble(f"{axis}: you said {said}, ", (words, style))


def _measured_label(axis: AxisResult) -> Text:
    """The class, plus the classes timing cannot tell it from ("or O(n log n)")."""
    fit = axis.fit
    if fit.measured is None:
        return Text("inconclusive")
    label = Text(fit.measured.label)
    others = [c.label for c in fit.consistent if c is not fit.measured]
    if others:
        label.append(f" or {' or '.join(others)}", style="dim")
    return label


def _footnote(result: ComplexityResult) -> Text:
    lines = [f"n = {result.size}"]
    for axis in result.axes:
        if axis.fit.measured is None or axis.fit.relation == "uncertain":
            lines.append(f"{axis.axis}: {axis.fit.reason}")
    lines.extend(result.notes)
    lines.append(f"measured in {result.wall_s:.1f} s")
    return Text("\n".join(lines), style="dim")


# ---------------------------------------------------------------- terminal plot


def _plot_panel(axis: AxisResult) -> Panel:
    title = f"{axis.axis} ({'CPU s' if axis.unit == 's' else 'peak bytes'}) vs n"
    return Panel(ascii_plot(axis), title=title, title_align="left", border_style="dim", expand=False)


def ascii_plot(axis: AxisResult, width: int = PLOT_WIDTH, height: int = PLOT_HEIGHT) -> Text:
    """Log-log grid: '●' measured points, '·' the fitted class curve."""
    points = [(p.n, p.value) for p in axis.points if p.value > 0]
    curve = fitted_curve(axis, [n for n, _ in points])
    if not points:
        return Text("no points")
    x_low, x_high = math.log(points[0][0]), math.log(points[-1][0])
    # The axes follow the points; the curve is clipped to them (it runs off at
    # small n, where constant overheads dominate and the fit does not look).
    y_low, y_high = _log_range([v for _, v in points])
    grid = [[" "] * width for _ in range(height)]

    def mark(n: int, value: float, symbol: str) -> None:
        row = height - 1 - _scale(math.log(value), y_low, y_high, height)
        grid[row][_scale(math.log(n), x_low, x_high, width)] = symbol

    for n, value in curve:
        if y_low <= math.log(value) <= y_high:
            mark(n, value, "·")
    for n, value in points:
        mark(n, value, "●")
    return _frame(grid, axis.unit, math.exp(y_low), math.exp(y_high), points[0][0], points[-1][0])


def fitted_curve(axis: AxisResult, sizes: Sequence[int]) -> list[tuple[int, float]]:
    """c * g(n) of the measured class at the given sizes (minus the memory floor)."""
    fit = axis.fit
    if fit.measured is None or fit.coefficient is None:
        return []
    floor = MEMORY_FLOOR_BYTES if axis.unit == "bytes" else 0.0
    curve = []
    for n in sizes:
        value = math.exp(math.log(fit.coefficient) + log_growth(fit.measured, n)) - floor
        if value > 0:
            curve.append((n, value))
    return curve


def _log_range(values: Sequence[float]) -> tuple[float, float]:
    """Log-axis limits covering the values and at least one decade, so flat data looks flat."""
    low, high = math.log(min(values)), math.log(max(values))
    missing = math.log(10.0) - (high - low)
    if missing > 0:
        low, high = low - missing / 2, high + missing / 2
    return low, high


def _scale(value: float, low: float, high: float, cells: int) -> int:
    if high <= low:
        return 0
    return max(0, min(cells - 1, round((value - low) / (high - low) * (cells - 1))))


def _frame(grid: list[list[str]], unit: str, y_low: float, y_high: float, n_low: int, n_high: int) -> Text:
    top, bottom = format_value(y_high, unit), format_value(y_low, unit)
    pad = max(len(top), len(bottom))
    lines = []
    for index, row in enumerate(grid):
        label = top if index == 0 else bottom if index == len(grid) - 1 else ""
        lines.append(f"{label:>{pad}} │{''.join(row)}")
    lines.append(" " * pad + " └" + "─" * len(grid[0]))
    left, right = f"n={n_low}", f"n={n_high}"
    lines.append(" " * (pad + 2) + left + right.rjust(len(grid[0]) - len(left)))
    return Text("\n".join(lines))


def format_value(value: float, unit: str) -> str:
    """12.3 ms, 4.5 µs, 1.2 MiB..."""
    if unit == "s":
        for scale, name in ((1.0, "s"), (1e-3, "ms"), (1e-6, "µs")):
            if value >= scale:
                return f"{value / scale:.3g} {name}"
        return f"{value / 1e-9:.3g} ns"
    for scale, name in ((2**30, "GiB"), (2**20, "MiB"), (2**10, "KiB")):
        if value >= scale:
            return f"{value / scale:.3g} {name}"
    return f"{value:.0f} B"


# ---------------------------------------------------------------- PNG


def plot_png(result: ComplexityResult, path: Path) -> None:
    """Save log-log plots of time and memory (points and fitted curves) as a PNG."""
    try:
        from PIL import Image, ImageDraw, ImageFont
    except ImportError as exc:
        raise UsageError("--plot needs Pillow: pip install 'judge[plot]' (or pip install pillow)") from exc
    panels = [axis for axis in result.axes if axis.points]
    image = Image.new("RGB", (460 * max(1, len(panels)), 360), "white")
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default()
    for index, axis in enumerate(panels):
        _png_panel(draw, font, axis, left=460 * index)
    try:
        image.save(Path(path), format="PNG")
    except OSError as exc:
        raise UsageError(f"cannot write the plot to {path}: {exc}") from exc


def _png_panel(draw, font, axis: AxisResult, left: int) -> None:
    box = (left + 70, 40, left + 440, 310)
    draw.rectangle(box, outline="black")
    fit = axis.fit
    measured = fit.measured.label if fit.measured else "inconclusive"
    title = f"{axis.axis}: measured {measured}, expected {fit.expected.label} ({fit.relation})"
    draw.text((left + 10, 10), title, fill="red" if fit.relation == "worse" else "black", font=font)
    points = [(p.n, p.value) for p in axis.points if p.value > 0]
    curve = fitted_curve(axis, _dense_sizes(points))
    if not points:
        return
    x_range = (math.log(points[0][0]), math.log(points[-1][0]))
    y_range = _log_range([v for _, v in points])
    curve = [(n, v) for n, v in curve if y_range[0] <= math.log(v) <= y_range[1]]

    def to_pixel(n: float, value: float) -> tuple[float, float]:
        x = box[0] + _fraction(math.log(n), *x_range) * (box[2] - box[0])
        y = box[3] - _fraction(math.log(value), *y_range) * (box[3] - box[1])
        return x, y

    if len(curve) > 1:
        draw.line([to_pixel(n, v) for n, v in curve], fill=(70, 110, 200), width=2)
    for n, value in points:
        x, y = to_pixel(n, value)
        draw.ellipse((x - 4, y - 4, x + 4, y + 4), fill=(200, 60, 40))
    _png_labels(draw, font, box, axis.unit, points, [math.exp(v) for v in y_range])


def _png_labels(draw, font, box, unit: str, points, y_values: list[float]) -> None:
    # Pillow's built-in bitmap font has no "µ".
    low, high = (format_value(v, unit).replace("µ", "u") for v in y_values)
    draw.text((box[0], box[3] + 8), f"n={points[0][0]}", fill="black", font=font)
    draw.text((box[2] - 70, box[3] + 8), f"n={points[-1][0]}", fill="black", font=font)
    draw.text((box[0] - 65, box[3] - 10), low, fill="black", font=font)
    draw.text((box[0] - 65, box[1]), high, fill="black", font=font)
    draw.text((box[0] + 100, box[3] + 28), "log-log: dots measured, line fitted class", fill="gray", font=font)


def _dense_sizes(points: list[tuple[int, float]]) -> list[int]:
    if not points:
        return []
    low, high = math.log(points[0][0]), math.log(points[-1][0])
    return sorted({max(1, round(math.exp(low + (high - low) * i / 60))) for i in range(61)})


def _fraction(value: float, low: float, high: float) -> float:
    return 0.5 if high <= low else (value - low) / (high - low)


__all__ = ["Complexity", "ascii_plot", "fitted_curve", "format_value", "plot_png", "render"]
