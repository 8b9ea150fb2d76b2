"""A problem's hints: three levels in its folder's hints.md, each under its own heading.

1. The idea: the insight, without the algorithm. 2. The approach, with its
complexity. 3. The outline: the steps in words. `judge hint SLUG` shows one
level at a time; `judge problem check` reads them with `read_hints`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from judge.errors import ProblemConfigError

FILENAME = "hints.md"
LEVELS = ("The idea", "The approach", "The outline")
_HEADING = re.compile(r"^## (\d)\. (.+?)\s*$")


@dataclass(frozen=True)
class Hint:
    level: int  # 1, 2 or 3
    title: str
    text: str


def read_hints(directory: Path) -> list[Hint]:
    """The three hints of the problem in `directory`; ProblemConfigError naming the file and line
    when the file is missing or its headings are not `## 1. The idea`, `## 2. The approach`,
    `## 3. The outline` in that order, each with text under it."""
    path = directory / FILENAME
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise ProblemConfigError(f"{path}: cannot be read ({exc})") from exc
    hints: list[Hint] = []
    body: list[str] = []
    for number, line in enumerate(lines, start=1):
        match = _HEADING.match(line)
        if match is None:
            if not hints and line.strip() and not line.startswith("# "):  # a title may come first
                raise ProblemConfigError(f"{path}, line {number}: text before '## 1. {LEVELS[0]}'")
            body.append(line)
            continue
        _close(path, hints, body)
        level, title = int(match.group(1)), match.group(2)
        expected = len(hints) + 1
        if level != expected or expected > len(LEVELS) or title != LEVELS[expected - 1]:
            want = f"'## {expected}. {LEVELS[expected - 1]}'" if expected <= len(LEVELS) else "no fourth level"
            raise ProblemConfigError(f"{path}, line {number}: '{line.strip()}' where {want} belongs")
        hints.append(Hint(level, title, ""))
        body = []
    _close(path, hints, body)
    if len(hints) != len(LEVELS):
        raise ProblemConfigError(f"{path}: {len(hints)} of the {len(LEVELS)} levels "
                                 f"({', '.join(f'## {i}. {t}' for i, t in enumerate(LEVELS, 1))})")
    return hints


def _close(path: Path, hints: list[Hint], body: list[str]) -> None:
    """Gives the last heading read its text."""
    if not hints:
        return
    text = "\n".join(body).strip()
    if not text:
        raise ProblemConfigError(f"{path}: '## {hints[-1].level}. {hints[-1].title}' has no text")
    hints[-1] = Hint(hints[-1].level, hints[-1].title, text)
