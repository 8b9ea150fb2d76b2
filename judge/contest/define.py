"""Defining a contest: from command-line values or a `contest.toml`, validated into ContestRules.

Every mistake is a UsageError that says what was wrong: an unknown problem or
format lists the valid ones, a duration says the forms it accepts, a key of
contest.toml names the file, the line and the key (docs/contests.md).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, overload

from judge.contest.model import FEEDBACK_MODES, ContestRules
from judge.errors import UsageError
from judge.tomlfile import line_of_key

NAME_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")
DURATION_PATTERN = re.compile(r"(?:(\d+)h)?\s*(?:(\d+)m)?\s*(?:(\d+)s)?")
DURATION_FORMS = '"45m", "1h30m", "90s"'
TOML_KEYS = ("name", "problems", "duration", "format", "feedback", "freeze", "points")


def format_names() -> list[str]:
    """The scoring formats known to this judge (judge/contest/formats/)."""
    from judge.contest.formats import FORMATS

    return sorted(FORMATS)


def parse_duration(text: str, what: str = "duration") -> int:
    """Seconds in '45m', '1h30m', '90s' or '1h'; a usage error for anything else, zero included."""
    found = DURATION_PATTERN.fullmatch(text.strip().lower()) if isinstance(text, str) else None
    if not found or not any(found.groups()):
        raise UsageError(f"{what} {text!r} is not a duration: write it like {DURATION_FORMS}.")
    hours, minutes, seconds = (int(part or 0) for part in found.groups())
    total = hours * 3600 + minutes * 60 + seconds
    if total <= 0:
        raise UsageError(f"{what} {text!r} is zero: a round needs some time.")
    return total


def format_duration(seconds: float) -> str:
    """'1h05m', '45m', '45m30s', '30s': the inverse of parse_duration, rounded down to seconds."""
    whole = max(0, int(seconds))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    text = (f"{hours}h{minutes:02d}m" if hours else f"{minutes}m" if minutes else "") + (
        f"{secs:02d}s" if secs and (hours or minutes) else f"{secs}s" if secs else "")
    return text or "0s"


@dataclass
class ContestSpec:
    """What the user asked for, before validation (from flags or from contest.toml)."""

    name: str | None = None
    problems: list[str] = field(default_factory=list)
    duration: str | None = None
    format: str | None = None
    feedback: str = "full"
    freeze: str | None = None
    points: dict[str, int] = field(default_factory=dict)


def build_rules(spec: ContestSpec, known_problems: Iterable[str]) -> ContestRules:
    """The validated rules; a usage error naming the first thing that is wrong."""
    name = check_name(spec.name)
    problems = _check_problems(spec.problems, list(known_problems))
    if spec.duration is None:
        raise UsageError("a contest needs a duration: --duration 45m (or `duration` in contest.toml).")
    duration_s = parse_duration(spec.duration)
    freeze_s = None if spec.freeze is None else parse_duration(spec.freeze, "freeze")
    if freeze_s is not None and freeze_s >= duration_s:
        raise UsageError(f"freeze {spec.freeze!r} is not shorter than the round ({spec.duration!r}): "
                         "the scoreboard would be frozen from the start.")
    return ContestRules(name=name, problems=problems, duration_s=duration_s, format=_check_format(spec.format),
                        feedback=_check_feedback(spec.feedback), freeze_s=freeze_s,
                        points=_check_points(spec.points, problems))


def check_name(name: str | None) -> str:
    if not name or not NAME_PATTERN.fullmatch(name):
        raise UsageError(f"contest name {name!r} is not valid: letters, digits, '.', '_' and '-', "
                         "starting with a letter or digit, at most 64 characters.")
    return name


def _check_problems(problems: list[str], known: list[str]) -> tuple[str, ...]:
    if not problems:
        raise UsageError("a contest needs problems: --problems a,b (or `problems` in contest.toml).")
    unknown = [slug for slug in problems if slug not in known]
    if unknown:
        raise UsageError(f"unknown problem{'s' if len(unknown) > 1 else ''} {', '.join(map(repr, unknown))}; "
                         f"the problems are: {', '.join(known)}.")
    if len(set(problems)) != len(problems):
        raise UsageError(f"a problem is listed twice in {', '.join(problems)}.")
    return tuple(problems)


def _check_format(name: str | None) -> str:
    names = format_names()
    if name not in names:
        raise UsageError(f"unknown scoring format {name!r}; the formats are: {', '.join(names)}.")
    return name


def _check_feedback(mode: str) -> str:
    if mode not in FEEDBACK_MODES:
        raise UsageError(f"unknown feedback mode {mode!r}; the modes are: {', '.join(FEEDBACK_MODES)}.")
    return mode


def _check_points(points: dict[str, int], problems: tuple[str, ...]) -> dict[str, int]:
    for slug, value in points.items():
        if slug not in problems:
            raise UsageError(f"points for {slug!r}, which is not a problem of this contest ({', '.join(problems)}).")
        if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
            raise UsageError(f"points for {slug!r} must be a positive whole number (got {value!r}).")
    return dict(points)


def load_contest_file(path: Path) -> ContestSpec:
    """A contest.toml as a spec; a usage error naming file, line and key for anything malformed."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"{path}: cannot be read ({getattr(exc, 'strerror', None) or exc}).") from exc
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise UsageError(f"{path}: not valid TOML: {exc}.") from exc
    return _SpecReader(path, text, data).spec()


class _SpecReader:
    """Checks the kind of each value of contest.toml; errors carry file, line and key."""

    def __init__(self, path: Path, text: str, data: dict[str, Any]) -> None:
        self.path, self.text, self.data = path, text, data

    def fail(self, key: str, expected: str, table: str = "") -> UsageError:
        line = line_of_key(self.text, table, key)
        dotted = f"{table}.{key}" if table else key
        return UsageError(f"{self.path}, line {line}, key '{dotted}': {expected}.")

    def spec(self) -> ContestSpec:
        for key in self.data:
            if key not in TOML_KEYS:
                raise self.fail(key, f"an unknown key (the keys are: {', '.join(TOML_KEYS)})")
        return ContestSpec(
            name=self._string("name", None), problems=self._problems(), duration=self._string("duration", None),
            format=self._string("format", None), feedback=self._string("feedback", "full"),
            freeze=self._string("freeze", None), points=self._points(),
        )

    @overload
    def _string(self, key: str, default: str) -> str: ...
    @overload
    def _string(self, key: str, default: None) -> str | None: ...

    def _string(self, key: str, default: str | None) -> str | None:
        value = self.data.get(key, default)
        if value is not None and not isinstance(value, str):
            raise self.fail(key, f"a string, e.g. {DURATION_FORMS if key in ('duration', 'freeze') else repr('x')}"
                                 f" (got {value!r})")
        return value

    def _problems(self) -> list[str]:
        value = self.data.get("problems", [])
        if not isinstance(value, list) or not all(isinstance(slug, str) for slug in value):
            raise self.fail("problems", f"a list of problem slugs (got {value!r})")
        return value

    def _points(self) -> dict[str, int]:
        table = self.data.get("points", {})
        if not isinstance(table, dict):
            raise self.fail("points", f"a table of problem = points (got {table!r})")
        for slug, value in table.items():
            if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
                raise self.fail(slug, f"a positive whole number of points (got {value!r})", table="points")
        return table
