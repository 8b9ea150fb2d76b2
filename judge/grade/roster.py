"""Reads `judge-group.toml`: the members, the problems assigned and their points.

Every error is a UsageError naming the file, the line and the key, so an
organiser fixes the file without reading our code. tomllib gives a line only
for syntax errors; for a value of the wrong kind the line is found by looking
for the key under its table (good enough for the flat layout the file has).
"""

from __future__ import annotations

import datetime
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from judge.errors import UsageError
from judge.tomlfile import line_of_array_key, line_of_key

GROUP_FILE = "judge-group.toml"
DEFAULT_POINTS = 100.0
DEFAULT_LATE_KEEPS = 0.5
DEFAULT_COMPLEXITY_PENALTY = 0.25
TOP_LEVEL_KEYS = ("problems", "weeks", "default_points", "points", "members", "complexity_penalty", "late_keeps")
WEEK_KEYS = ("due", "problems")


@dataclass(frozen=True)
class Roster:
    """What a group grades. `members` None means the default layout (PATH/<member>/<slug>.py)."""

    members: dict[str, tuple[str, ...]] | None = None  # member -> folders or globs, relative to PATH
    problems: tuple[str, ...] | None = None  # None: every problem
    points: dict[str, float] = field(default_factory=dict)
    default_points: float = DEFAULT_POINTS
    due: dict[str, datetime.datetime] = field(default_factory=dict)  # problem -> its week's due date (UTC)
    complexity_penalty: float = DEFAULT_COMPLEXITY_PENALTY  # share of the points lost when the complexity is worse than expected
    late_keeps: float = DEFAULT_LATE_KEEPS  # share of the points a solution committed after its due date keeps

    def points_for(self, slug: str) -> float:
        return self.points.get(slug, self.default_points)

    def due_for(self, slug: str) -> datetime.datetime | None:
        return self.due.get(slug)


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
        problems, due = self._assignment()
        penalty = self._share("complexity_penalty", DEFAULT_COMPLEXITY_PENALTY)
        return Roster(self._members(), problems, self._points(), default, due, penalty,
                      self._share("late_keeps", DEFAULT_LATE_KEEPS))

    def fail_in_week(self, index: int, key: str, expected: str, value: Any = ...) -> UsageError:
        line = line_of_array_key(self.text, "weeks", index, key)
        got = "" if value is ... else f" (got {value!r})"
        return UsageError(f"{self.path}, line {line}, key 'weeks[{index + 1}].{key}': {expected}{got}.")

    def _share(self, key: str, default: float) -> float:
        value = self.data.get(key, default)
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 1:
            raise self.fail("", key, "a share between 0 and 1 (0.25 is a quarter)", value)
        return float(value)

    def _assignment(self) -> tuple[tuple[str, ...] | None, dict[str, datetime.datetime]]:
        """The problems assigned, and each one's due date: from `problems`, or from `[[weeks]]`."""
        if "weeks" not in self.data:
            return self._problems(), {}
        if "problems" in self.data:  # two lists of the same thing would disagree sooner or later
            raise self.fail("", "problems", "absent when [[weeks]] assign the problems (each week lists its own)")
        weeks = self.data["weeks"]
        if not isinstance(weeks, list) or not weeks or not all(isinstance(w, dict) for w in weeks):
            raise self.fail("", "weeks", "one or more [[weeks]] tables, each with due and problems", weeks)
        due: dict[str, datetime.datetime] = {}
        for index, week in enumerate(weeks):
            self._week(index, week, due)
        return tuple(due), due

    def _week(self, index: int, week: dict[str, Any], due: dict[str, datetime.datetime]) -> None:
        for key in week:
            if key not in WEEK_KEYS:
                raise self.fail_in_week(index, key, f"an unknown key (known: {', '.join(WEEK_KEYS)})")
        when = self._due_date(index, week.get("due", ...))
        problems = week.get("problems", ...)
        if not isinstance(problems, list) or not problems or not all(isinstance(p, str) for p in problems):
            raise self.fail_in_week(index, "problems", "a non-empty list of problem slugs",
                                    *(() if problems is ... else (problems,)))
        for slug in problems:
            if slug not in self.slugs:
                raise self.fail_in_week(index, "problems", f"a list of known problems ({', '.join(self.slugs)})", slug)
            if slug in due:  # one due date per problem, or lateness would depend on which week we read
                raise self.fail_in_week(index, "problems", "problems assigned in no other week", slug)
            due[slug] = when

    def _due_date(self, index: int, value: Any) -> datetime.datetime:
        """An offset date-time (`2026-12-01T23:59:00Z`): a date without a zone would mean a
        different instant on each runner."""
        expected = "a date-time with its time zone, e.g. 2026-12-01T23:59:00Z or 2026-12-01T23:59:00+01:00"
        if value is ...:
            raise self.fail_in_week(index, "due", expected)
        if not isinstance(value, datetime.datetime) or value.tzinfo is None:
            raise self.fail_in_week(index, "due", expected, value)
        return value.astimezone(datetime.UTC)

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
