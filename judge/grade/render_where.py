"""Where a failed cell failed, for the renderings CI reads (JUnit XML, GitHub annotations).

A CI reader wants a file, a line and one sentence. The file is the solution's
path relative to the working folder when it is under it (CI runs from the
checkout, and its annotations only attach to paths of the repository), else
absolute. The line is the one a compile error names, else the solution's
innermost frame of the first runtime error, else 1.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from judge.grade.gradebook import Cell

_LINE_IN_MESSAGE = re.compile(r"\bline (\d+)\b")


def display_path(path: str) -> str:
    """The path as CI sees it: relative to the working folder when under it."""
    try:
        return str(Path(path).relative_to(Path(os.getcwd())))
    except ValueError:
        return path


def failing_line(cell: Cell) -> int:
    """1-based line of the failure when the report says it, else 1."""
    # An internal error's message is about the judge's code, never a line of the solution.
    found = None if cell.verdict == "internal_error" else _LINE_IN_MESSAGE.search(cell.message or "")
    if found:
        return max(1, int(found.group(1)))
    for case in (cell.report or {}).get("cases") or []:
        if case.get("verdict") == "accepted":
            continue
        lines = [n for n in map(_frame_line, case.get("traceback") or []) if n is not None]
        if lines:
            return lines[-1]  # the innermost of the solution's own frames
    return 1


def _frame_line(frame: object) -> int | None:
    """The line of a `File "...", line N, in f` frame; its source line below is not looked at."""
    header = str(frame).lstrip().splitlines()[0] if str(frame).strip() else ""
    found = _LINE_IN_MESSAGE.search(header)
    return max(1, int(found.group(1))) if found else None


def failure_message(cell: Cell) -> str:
    """One line saying why the cell is not accepted."""
    verdict = cell.verdict.replace("_", " ")
    if cell.message:
        return f"{verdict}: {' '.join(cell.message.split())}"
    if cell.failures:
        first = cell.failures[0]
        more = f" (and {len(cell.failures) - 1} more categories)" if len(cell.failures) > 1 else ""
        return f"{verdict} in category {first.category} ({first.test}): {' '.join(first.message.split())}{more}"
    return verdict


def complexity_lines(cell: Cell) -> list[str]:
    """The measured complexity per axis, against the expected one."""
    lines = []
    for axis, data in (cell.complexity or {}).items():
        flag = "" if data.get("within_expected") in (True, None) else " (worse than expected)"
        lines.append(f"{axis}: measured {data.get('measured')}, expected {data.get('expected')}{flag}")
    return lines
