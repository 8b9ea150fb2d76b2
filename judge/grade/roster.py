"""Reads `judge-group.toml`: the members, the problems assigned and their points.

Every error is a UsageError naming the file, the line and the key, so an
organiser fixes the file without reading our code. tomllib gives a line only
for syntax errors; for a value of the wrong kind the line is found by looking
for the key under its table (good enough for the flat layout the file has).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from judge.errors import UsageError

GROUP_FILE = "judge-group.toml"
DEFAULT_POINTS = 100.0
TOP_LEVEL_KEYS = ("problems", "default_points", "points", "members")


@dataclass(frozen=True)
class Roster:
    """What a group grades. `members` None means the default layout (PATH/<member>/<slug>.py)."""

    members: dict[str, tuple[str, ...]] | None = None  # member -> folders or globs, relative to PATH
    problems: tuple[str, ...] | None = None  # None: every problem
    points: dict[str, float] = field(default_factory=dict)
    default_points: float = DEFAULT_POINTS

    def points_for(self, slug: str) -> float:
        return self.points.get(slug, self.default_points)


def load_roster(root: Path, slugs: list[str]) -> Roster:
    """The roster of the tree at `root`: its judge-group.toml, or the defaults when it has none."""
    path = root / GROUP_FILE
    if not path.is_file():
        return Roster()
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"{path}: cannot be read ({exc}).") from exc
    return _Reader(path, text, slugs).roster()


class _Reader:
    """Validates the parsed file key by key; errors carry file, line and key."""

    def __init__(self, path: Path, text: str, slugs: list[str]) -> None:
        self.path, self.text, self.slugs = path, text, slugs
        try:
            self.data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise self._syntax_error(exc) from exc

    def roster(self) -> Roster:
        for key in self.data:
            if key not in TOP_LEVEL_KEYS:
                raise self.fail("", key, f"an unknown key (known: {', '.join(TOP_LEVEL_KEYS)})")
        default = self._positive_number("", "default_points", self.data.get("default_points", DEFAULT_POINTS))
        return Roster(self._members(), self._problems(), self._points(), default)

    def fail(self, table: str, key: str, expected: str, value: Any = ...) -> UsageError:
        line = line_of_key(self.text, table, key)
        dotted = f"{table}.{key}" if table else key
        got = "" if value is ... else f" (got {value!r})"
        return UsageError(f"{self.path}, line {line}, key '{dotted}': {expected}{got}.")

    def _syntax_error(self, exc: tomllib.TOMLDecodeError) -> UsageError:
        found = re.search(r"at line (\d+), column (\d+)", str(exc))
        line = int(found.group(1)) if found else 1
        source = self.text.splitlines()[line - 1] if 0 < line <= len(self.text.splitlines()) else ""
        key = source.partition("=")[0].strip() or source.strip()
        reason = re.sub(r"\s*\(at line.*\)$", "", str(exc))
        return UsageError(f"{self.path}, line {line}, key '{key}': not valid TOML: {reason}.")

    def _problems(self) -> tuple[str, ...] | None:
        value = self.data.get("problems", "all")
        if value == "all":
            return None
        if not isinstance(value, list) or not value or not all(isinstance(v, str) for v in value):
            raise self.fail("", "problems", '"all" or a non-empty list of problem slugs', value)
        for slug in value:
            if slug not in self.slugs:
                raise self.fail("", "problems", f"a list of known problems ({', '.join(self.slugs)})", slug)
        return tuple(dict.fromkeys(value))

    def _points(self) -> dict[str, float]:
        table = self.data.get("points", {})
        if not isinstance(table, dict):
            raise self.fail("", "points", "a table of problem = points", table)
        points = {}
        for slug, value in table.items():
            if slug not in self.slugs:
                raise self.fail("points", slug, f"a known problem ({', '.join(self.slugs)})")
            points[slug] = self._positive_number("points", slug, value)
        return points

    def _positive_number(self, table: str, key: str, value: Any) -> float:
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value <= 0:
            raise self.fail(table, key, "a positive number", value)
        return float(value)

    def _members(self) -> dict[str, tuple[str, ...]] | None:
        table = self.data.get("members")
        if table is None:
            return None
        if not isinstance(table, dict) or not table:
            raise self.fail("", "members", "a table of member = folder, glob or list of them", table)
        return {name: self._member_places(name, value) for name, value in table.items()}

    def _member_places(self, name: str, value: Any) -> tuple[str, ...]:
        places = [value] if isinstance(value, str) else value
        expected = "a folder or glob relative to the group's folder, or a non-empty list of them"
        if not isinstance(places, list) or not places or not all(isinstance(p, str) and p for p in places):
            raise self.fail("members", name, expected, value)
        for place in places:
            pure = PurePosixPath(place)
            if pure.is_absolute() or ".." in pure.parts:  # a member's files stay inside the graded tree
                raise self.fail("members", name, expected + " (no absolute path, no '..')", place)
        return tuple(places)


def line_of_key(text: str, table: str, key: str) -> int:
    """The 1-based line where `key` is set in `[table]` ("" is the top level); else the
    table's header line; else 1."""
    current, header_line = "", 0
    assignment = re.compile(r"""\s*(?:"{0}"|'{0}'|{0})\s*=""".format(re.escape(key)))
    for number, line in enumerate(text.splitlines(), start=1):
        header = re.match(r"\s*\[\s*([^\[\]]+?)\s*\]", line)
        if header:
            current = header.group(1).strip()
            if current == table:
                header_line = number
            if table == "" and current == key:  # a top-level key written as a table
                return number
            continue
        if current == table and assignment.match(line):
            return number
    return header_line or 1
