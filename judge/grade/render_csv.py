"""The gradebook as CSV for a spreadsheet: one row per member, a column of points per problem."""

from __future__ import annotations

import csv
import io

from judge.grade.gradebook import Gradebook

# A spreadsheet runs a cell that starts like this as a formula; a member's folder name could.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _text(value: str) -> str:
    """Text a spreadsheet shows as text, never evaluates."""
    return "'" + value if value.startswith(_FORMULA_START) else value


def _number(value: float) -> str:
    return f"{value:g}"


def render_csv(book: Gradebook) -> str:
    """member, one column per problem (points; empty when no cell), total, max_total."""
    out = io.StringIO()
    writer = csv.writer(out)  # RFC 4180: quoted when needed, CRLF line ends
    writer.writerow(["member", *(_text(p) for p in book.problems), "total", "max_total"])
    for total in book.totals():
        row = [_text(total.member)]
        for problem in book.problems:
            cell = book.cell(total.member, problem)
            row.append("" if cell is None else _number(cell.points))
        writer.writerow([*row, _number(total.points), _number(total.max_points)])
    return out.getvalue()
