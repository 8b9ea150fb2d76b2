"""A contest's standings as a rich scoreboard, JSON and CSV. Pure functions: no database, no clock.

The standings come from a scoring format (judge/contest/formats/); this
module only shows them, and asks the format how its numbers read (problems
solved or points; penalty in whole minutes, in seconds, or none).
"""

from __future__ import annotations

import csv
import io
from typing import Any

from rich import box
from rich.table import Table
from rich.text import Text

from judge.contest.formats import DisplayedFormat, get_format
from judge.contest.formats.ranking import SECONDS_PER_MINUTE, points_of, whole_minutes
from judge.contest.model import ContestRules, ProblemCell, Standing

SCHEMA_VERSION = 1
FIRST_TO_SOLVE_MARK = "*"
PARTICIPANT_WIDTH = 14  # longer names wrap, so six problems fit in 80 columns


def problem_labels(rules: ContestRules) -> dict[str, str]:
    """slug -> column label: A, B, C… as contests letter their problems (numbers past Z)."""
    return {slug: chr(ord("A") + i) if i < 26 else str(i + 1) for i, slug in enumerate(rules.problems)}


def _number(value: float) -> str:
    """3 for 3.0, 33.33 as is; enough digits that a week of seconds never turns into 6.048e+05."""
    return f"{value:.12g}"


# ---- cells and penalties as text ---------------------------------------------------------

def cell_label(fmt: DisplayedFormat, cell: ProblemCell) -> str:
    """"+2 / 37" (icpc: solved after 2 rejected tries, at minute 37), "-3" (3 tries, unsolved),
    "100 (2)" (points, after 2 penalised tries), then "*" when first to solve and " ?N" for N pending."""
    label = _result_label(fmt, cell)
    return f"{label} ?{cell.pending}".strip() if cell.pending else label


def _result_label(fmt: DisplayedFormat, cell: ProblemCell) -> str:
    label = _points_label(fmt, cell) if fmt.scores_points else _solved_label(cell)
    return label + (FIRST_TO_SOLVE_MARK if cell.first_to_solve else "")


def _solved_label(cell: ProblemCell) -> str:
    if cell.solved and cell.solved_at_s is not None:
        rejected = cell.tries - 1
        return f"+{rejected or ''} / {whole_minutes(cell.solved_at_s)}"
    return f"-{cell.tries}" if cell.tries else ""


def _points_label(fmt: DisplayedFormat, cell: ProblemCell) -> str:
    if cell.score <= 0:
        return f"-{cell.tries}" if cell.tries and fmt.penalty_unit else ("0" if cell.tries else "")
    penalised = cell.tries - 1 if fmt.penalty_unit else 0  # ioi: tries cost nothing, so none are shown
    return _number(cell.score) + (f" ({penalised})" if penalised > 0 else "")


def penalty_label(fmt: DisplayedFormat, penalty_s: float) -> str:
    """Whole minutes for icpc ("135"), minutes:seconds for formats counting seconds ("40:30")."""
    if fmt.penalty_unit == "minute":
        return str(whole_minutes(penalty_s))
    seconds = int(penalty_s)
    return f"{seconds // SECONDS_PER_MINUTE}:{seconds % SECONDS_PER_MINUTE:02d}"


# ---- the terminal scoreboard -------------------------------------------------------------

def scoreboard_table(rules: ContestRules, standings: list[Standing]) -> Table:
    """Rank, participant, score, penalty, then one column per problem (legend in the caption)."""
    fmt = get_format(rules.format)
    labels = problem_labels(rules)
    table = Table(
        title=Text(f"{rules.name} · {fmt.name}"),  # Text, not str: a name is never read as rich markup
        caption=_caption(labels),
        box=box.SIMPLE_HEAD,
        show_edge=False,
        padding=(0, 0),  # the box's space between columns is the only gap: six problems fit in 80 columns
    )
    table.add_column("#", justify="right", no_wrap=True)
    # The only column that may shrink: when space runs short a name is cut, results never are.
    table.add_column("participant", max_width=PARTICIPANT_WIDTH, overflow="ellipsis")
    table.add_column("pts" if fmt.scores_points else "slv", justify="right", no_wrap=True)
    if fmt.penalty_unit:
        table.add_column("time", justify="right", no_wrap=True)
    for slug in rules.problems:
        table.add_column(labels[slug], justify="center", no_wrap=True)
    for standing in standings:
        table.add_row(*_table_row(fmt, rules, standing))
    return table


def _table_row(fmt: DisplayedFormat, rules: ContestRules, standing: Standing) -> list[str | Text]:
    row: list[str | Text] = [str(standing.rank), Text(standing.participant), _number(standing.score)]
    if fmt.penalty_unit:
        row.append(penalty_label(fmt, standing.penalty_s))
    for slug in rules.problems:
        cell = standing.cells.get(slug)
        row.append(_cell_text(fmt, cell) if cell else Text(""))
    return row


def _cell_text(fmt: DisplayedFormat, cell: ProblemCell) -> Text:
    """The result, and the pending count on a line of its own so a column stays narrow."""
    text = Text(_result_label(fmt, cell), style=_cell_style(cell))
    if cell.pending:
        text.append(f"\n?{cell.pending}", style="yellow")
    return text


def _cell_style(cell: ProblemCell) -> str:
    if cell.first_to_solve:
        return "bold green"
    if cell.solved:
        return "green"
    return "yellow" if cell.score > 0 or cell.pending else "red"


def _caption(labels: dict[str, str]) -> Text:
    # No space inside a pair, so a long legend wraps between pairs, never inside one.
    legend = "  ".join(f"{label}={slug}" for slug, label in labels.items())
    return Text(f"{legend}\n{FIRST_TO_SOLVE_MARK} first to solve · ?N pending")


# ---- JSON and CSV --------------------------------------------------------------------------

def standings_json(rules: ContestRules, standings: list[Standing]) -> dict[str, Any]:
    """The standings as plain data (schema: docs/contests.md); times and penalties in seconds."""
    fmt = get_format(rules.format)
    labels = problem_labels(rules)
    return {
        "schema_version": SCHEMA_VERSION,
        "contest": rules.name,
        "format": fmt.name,
        "penalty_unit": fmt.penalty_unit,
        "problems": [
            {"slug": slug, "label": labels[slug], "points": points_of(rules, slug) if fmt.scores_points else 1}
            for slug in rules.problems
        ],
        "standings": [_standing_json(rules, standing) for standing in standings],
    }


def _standing_json(rules: ContestRules, standing: Standing) -> dict[str, Any]:
    return {
        "rank": standing.rank,
        "participant": standing.participant,
        "score": standing.score,
        "penalty_s": standing.penalty_s,
        "cells": {slug: _cell_json(standing.cells[slug]) for slug in rules.problems if slug in standing.cells},
    }


def _cell_json(cell: ProblemCell) -> dict[str, Any]:
    return {
        "score": cell.score,
        "solved": cell.solved,
        "tries": cell.tries,
        "penalty_s": cell.penalty_s,
        "solved_at_s": cell.solved_at_s,
        "first_to_solve": cell.first_to_solve,
        "pending": cell.pending,
    }


# A spreadsheet runs a cell that starts like this as a formula; a participant's name could.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _text(value: str) -> str:
    """Text a spreadsheet shows as text, never evaluates."""
    return "'" + value if value.startswith(_FORMULA_START) else value


def standings_csv(rules: ContestRules, standings: list[Standing]) -> str:
    """rank, participant, score, penalty_s, then one column per problem slug holding that
    problem's score (points, or 1/0 solved for icpc); empty where nothing was submitted."""
    out = io.StringIO()
    writer = csv.writer(out)  # RFC 4180: quoted when needed, CRLF line ends
    writer.writerow(["rank", "participant", "score", "penalty_s", *(_text(slug) for slug in rules.problems)])
    for standing in standings:
        cells = [_csv_cell(standing.cells.get(slug)) for slug in rules.problems]
        writer.writerow([standing.rank, _text(standing.participant), _number(standing.score), _number(standing.penalty_s), *cells])
    return out.getvalue()


def _csv_cell(cell: ProblemCell | None) -> str:
    if cell is None or (cell.tries == 0 and cell.pending == 0):
        return ""
    return _number(cell.score)
