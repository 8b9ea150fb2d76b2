"""Renderings of a gradebook: JSON, Markdown (a CI job summary) and a rich table.

All read the one model in judge/grade/gradebook.py; nothing here decides a
verdict or a point.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from judge.grade.gradebook import Cell, Gradebook

VERDICT_STYLE = {"accepted": "green", "wrong_answer": "red", "internal_error": "magenta"}


def render_json(book: Gradebook) -> str:
    """The gradebook as JSON (schema: docs/grading.md)."""
    return json.dumps(book.to_dict(), indent=2, ensure_ascii=False, allow_nan=False)


def _points(value: float) -> str:
    return f"{value:g}"


def _cell_label(cell: Cell) -> str:
    """Verdict, points, and the measured time class when there is one."""
    label = f"{cell.verdict.replace('_', ' ')} {_points(cell.points)}/{_points(cell.max_points)}"
    measured = ((cell.complexity or {}).get("time") or {}).get("measured")
    if measured:
        label += f", time {measured}"
    label += " (worse than expected)" if cell.complexity_worse else ""
    return label + (", late" if cell.late else "")


# ---- Markdown ---------------------------------------------------------------------------

def _md_text(text: str) -> str:
    """Text safe inside a table cell or a heading: no HTML, no column breaks, one line."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = re.sub(r"([\\`*_\[\]|#])", r"\\\1", text)
    return " ".join(text.split())


def _md_span(text: str) -> str:
    """Inline code that no backtick inside can close."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    return f"{fence} {' '.join(text.split())} {fence}"


def _md_code(text: str) -> list[str]:
    """A fenced block longer than any run of backticks inside, so a solution cannot close it."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * max(3, longest + 1)
    return [fence, text, fence]


def render_markdown(book: Gradebook) -> str:
    """Members as rows, problems as columns (verdict and points), then a section per failed cell."""
    lines = ["# Gradebook", ""]
    if book.interrupted_by:
        lines += [f"**Stopped by {book.interrupted_by}**: {len(book.pending)} cells were not graded.", ""]
    lines += _md_table(book)
    failed = [c for c in book.cells if not c.accepted]
    if failed:
        lines += ["", "## Failures"]
        for cell in failed:
            lines += ["", *_md_failure(cell, book)]
    if book.not_graded:
        lines += ["", "## Not graded", ""]
        lines += [f"- {_md_span(_relative(n['path'], book))}: {_md_text(n['reason'])}" for n in book.not_graded]
    return "\n".join(lines) + "\n"


def _md_table(book: Gradebook) -> list[str]:
    header = ["member", *book.problems, "points"]
    lines = ["| " + " | ".join(_md_text(h) for h in header) + " |", "|" + "---|" * len(header)]
    for total in book.totals():
        row = [_md_text(total.member)]
        for problem in book.problems:
            cell = book.cell(total.member, problem)
            row.append(_md_cell(cell))
        row.append(f"{_points(total.points)}/{_points(total.max_points)}")
        lines.append("| " + " | ".join(row) + " |")
    return lines


def _md_cell(cell: Cell | None) -> str:
    if cell is None:
        return "—"
    mark = "✅" if cell.accepted else "❌"
    return f"{mark} {_md_text(_cell_label(cell))}"


def _relative(path: str, book: Gradebook) -> str:
    """Paths under the graded tree as the group sees them (no runner's home folders)."""
    try:
        return str(Path(path).relative_to(book.root))
    except ValueError:
        return path


def _md_failure(cell: Cell, book: Gradebook) -> list[str]:
    lines = [f"### {_md_text(cell.member)} / {_md_text(cell.problem)}: {_md_text(_cell_label(cell))}", "",
             f"Solution: {_md_span(_relative(cell.solution, book))}, categories passed "
             f"{cell.categories_passed}/{cell.categories_total}."]
    if cell.message:
        lines += ["", *_md_code(cell.message)]
    for failure in cell.failures:
        lines += ["", f"**{_md_text(failure.category)}** ({_md_text(failure.test)}): "
                      f"{_md_text(failure.verdict.replace('_', ' '))}, {_md_text(failure.message)}"]
        if failure.counterexample:
            shown = failure.counterexample
            if failure.expected is not None or failure.actual is not None:
                shown += f"\n# expected: {failure.expected}\n# actual:   {failure.actual}"
            lines += ["", *_md_code(shown)]
    return lines


# ---- terminal (rich) --------------------------------------------------------------------

def render_table(book: Gradebook) -> RenderableType:
    """The members x problems table for the terminal, and what was not graded."""
    table = Table("member", *book.problems, "points", title="gradebook")
    for total in book.totals():
        row: list[Text] = [Text(total.member)]
        for problem in book.problems:
            cell = book.cell(total.member, problem)
            row.append(Text("—", "dim") if cell is None else
                       Text(_cell_label(cell), VERDICT_STYLE.get(cell.verdict, "yellow")))
        row.append(Text(f"{_points(total.points)}/{_points(total.max_points)}", "bold"))
        table.add_row(*row)
    parts: list[RenderableType] = [table]
    for item in book.not_graded:
        parts.append(Text(f"not graded: {item['path']}: {item['reason']}", "yellow"))
    if book.pending:
        parts.append(Text(f"{len(book.pending)} cells not graded: the batch was stopped.", "yellow"))
    return Group(*parts)
