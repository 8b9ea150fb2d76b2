"""The text report and the PNG plot."""

import io

import pytest
from rich.console import Console

from judge.complexity import plot_png, render
from judge.complexity.classes import Complexity as C
from judge.complexity.display import ascii_plot, format_value
from judge.complexity.fit import MEMORY_FLOOR_BYTES, Point, classify
from judge.complexity.result import AxisResult, ComplexityResult
from judge.errors import UsageError

SIZES = [256 * 2**i for i in range(8)]


def result(time_cost, peak, expected_time=C.LINEAR, expected_memory=C.CONSTANT):
    times = tuple(Point(n, time_cost(n)) for n in SIZES)
    peaks = tuple(Point(n, peak(n)) for n in SIZES)
    return ComplexityResult(
        size="len(t)",
        time=AxisResult("time", "s", times, classify(times, expected_time)),
        memory=AxisResult("memory", "bytes", peaks, classify(peaks, expected_memory, floor=MEMORY_FLOOR_BYTES)),
        wall_s=1.2,
    )


def text_of(renderable) -> str:
    out = io.StringIO()
    Console(file=out, width=120, color_system=None, force_terminal=False).print(renderable)
    return out.getvalue()


def test_report_shows_expected_measured_and_the_mark():
    text = text_of(render(result(lambda n: 1e-9 * n * n, lambda n: 8 * n)))
    assert "O(n^2)" in text and "WORSE" in text
    assert "time" in text and "memory" in text
    assert "n = len(t)" in text


def test_report_of_a_clean_solution_says_ok_and_consistent_with():
    text = text_of(render(result(lambda n: 1e-7 * n, lambda n: 100)))
    assert "WORSE" not in text
    assert "O(n) or O(n log n)" in text
    assert "ok" in text


def test_ascii_plot_has_the_points_and_the_axes():
    axis = result(lambda n: 1e-7 * n, lambda n: 100).time
    lines = ascii_plot(axis, width=30, height=8).plain.splitlines()
    assert len(lines) == 8 + 2
    assert sum(line.count("●") for line in lines) >= 6  # 8 points; neighbours may share a cell
    assert "n=256" in lines[-1] and f"n={SIZES[-1]}" in lines[-1]


def test_units():
    assert format_value(0.0123, "s") == "12.3 ms"
    assert format_value(4.5e-6, "s") == "4.5 µs"
    assert format_value(3 * 2**20, "bytes") == "3 MiB"


def test_plot_png_writes_a_png_or_names_the_missing_dependency(tmp_path):
    target = tmp_path / "plot.png"
    try:
        plot_png(result(lambda n: 1e-7 * n, lambda n: 8 * n), target)
    except UsageError as exc:
        assert "pillow" in str(exc).lower()
        return
    assert target.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_plot_png_reports_unwritable_paths(tmp_path):
    pytest.importorskip("PIL")  # without Pillow the call fails earlier, as tested above
    with pytest.raises(UsageError, match="cannot write"):
        plot_png(result(lambda n: 1e-7 * n, lambda n: 8 * n), tmp_path / "missing" / "plot.png")
