"""Loads and validates problems/<slug>/problem.toml.

Every error names the file, the key and what was expected: a problem author
fixes it without reading our code.
"""

from __future__ import annotations

import difflib
import importlib.resources
import os
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from judge.errors import ProblemConfigError, UsageError
from judge.limits import Limits

DIFFICULTIES = ("easy", "medium", "hard")
KINDS = ("function", "class")
LIMIT_KEYS = {"time_per_call_s": (int, float), "memory_mb": (int,), "output_kb": (int,)}


@dataclass(frozen=True)
class Problem:
    slug: str
    directory: Path
    title: str
    difficulty: str
    tags: tuple[str, ...]
    entry_point: str
    kind: str
    allowed_modules: tuple[str, ...]
    limits: Limits
    max_examples: int = 100
    topic: str = ""  # `judge list` groups by it; the first tag when problem.toml names none
    follow_up: str = ""  # the interviewer's next question, one line (spec.md's follow-ups expand it)

    @property
    def spec_path(self) -> Path:
        return self.directory / "spec.md"

    @property
    def reference_path(self) -> Path:
        return self.directory / "reference.py"

    @property
    def hidden_tests_path(self) -> Path:
        return self.directory / "hidden_tests.py"

    @property
    def corpus_dir(self) -> Path:
        return self.directory / "corpus"

    @property
    def starter_path(self) -> Path:
        return self.directory / "starter.py"


class _Table:
    """Typed access to one TOML table that reports errors with file and key."""

    def __init__(self, path: Path, data: dict, source: str, prefix: str = "") -> None:
        self.path, self.data, self.source, self.prefix = path, data, source, prefix

    def fail(self, key: str, expected: str) -> ProblemConfigError:
        got = self.data.get(key, "<missing>")
        return ProblemConfigError(f"{self.path}: key '{self.prefix}{key}' must be {expected} (got {got!r}).")

    def get(self, key: str, types: tuple[type, ...], expected: str, default: Any = ...) -> Any:
        if key not in self.data:
            if default is ...:
                raise self.fail(key, expected)
            return default
        value = self.data[key]
        if not isinstance(value, types) or isinstance(value, bool):
            raise self.fail(key, expected)
        return value

    def string_list(self, key: str) -> tuple[str, ...]:
        value = self.get(key, (list,), "a list of strings", default=[])
        if not all(isinstance(v, str) for v in value):
            raise self.fail(key, "a list of strings")
        return tuple(value)

    def table(self, key: str) -> _Table:
        value = self.get(key, (dict,), "a table", default={})
        return _Table(self.path, value, self.source, f"{self.prefix}{key}.")

    def reject_unknown(self, known: tuple[str, ...]) -> None:
        """An unknown key is a typo until proven otherwise: name it, its line, and the known ones."""
        unknown = [key for key in self.data if key not in known]
        if not unknown:
            return
        key = unknown[0]
        line = _line_of(self.source, self.prefix.rstrip("."), key)
        where = f"{self.path}, line {line}" if line else str(self.path)
        close = difflib.get_close_matches(key, known, n=1)
        hint = f" (did you mean '{self.prefix}{close[0]}'?)" if close else ""
        raise ProblemConfigError(f"{where}: unknown key '{self.prefix}{key}'{hint}; "
                                 f"known keys here: {', '.join(known)}.")


def _line_of(source: str, section: str, key: str) -> int | None:
    """The 1-based line where `key` of table `section` ("" for the top) is written, if it can be found."""
    current = ""
    for number, line in enumerate(source.splitlines(), 1):
        text = line.split("#", 1)[0].strip()
        if text.startswith("["):
            current = text.strip("[]").strip()
            if not section and current.split(".")[0] == key:
                return number
            continue
        name = text.partition("=")[0].strip().strip("\"'")
        if "=" in text and (current, name) in ((section, key), ("", f"{section}.{key}")):
            return number
    return None


def load_problem(directory: Path) -> Problem:
    path = directory / "problem.toml"
    try:
        source = path.read_text(encoding="utf-8")
        data = tomllib.loads(source)
    except OSError as exc:
        raise ProblemConfigError(f"{path}: cannot be read ({exc.strerror}).") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ProblemConfigError(f"{path}: is not valid TOML: {exc}.") from exc
    top = _Table(path, data, source)
    top.reject_unknown(TOP_KEYS)
    tags = top.string_list("tags")
    problem = Problem(
        slug=directory.name,
        directory=directory,
        title=top.get("title", (str,), "a string"),
        difficulty=_choice(top, "difficulty", DIFFICULTIES),
        tags=tags,
        entry_point=_identifier(top, "entry_point"),
        kind=_choice(top, "kind", KINDS),
        allowed_modules=top.string_list("allowed_modules"),
        limits=_limits(top.table("limits")),
        max_examples=_positive(top.table("tests"), "max_examples", 100),
        topic=top.get("topic", (str,), "a string", default=tags[0] if tags else "other"),
        follow_up=top.get("follow_up", (str,), "a string", default=""),
    )
    for needed in (problem.spec_path, problem.reference_path, problem.hidden_tests_path):
        if not needed.is_file():
            raise ProblemConfigError(f"{directory}: the problem has no {needed.name}.")
    return problem


TOP_KEYS = ("title", "difficulty", "topic", "tags", "entry_point", "kind", "allowed_modules", "follow_up",
            "limits", "tests")


def _choice(table: _Table, key: str, choices: tuple[str, ...]) -> str:
    value = table.get(key, (str,), f"one of {', '.join(choices)}")
    if value not in choices:
        raise table.fail(key, f"one of {', '.join(choices)}")
    return value


def _identifier(table: _Table, key: str) -> str:
    value = table.get(key, (str,), "a Python identifier")
    if not value.isidentifier():
        raise table.fail(key, "a Python identifier")
    return value


def _positive(table: _Table, key: str, default: int) -> int:
    table.reject_unknown((key,))
    value = table.get(key, (int,), "a positive integer", default=default)
    if value <= 0:
        raise table.fail(key, "a positive integer")
    return value


def _limits(table: _Table) -> Limits:
    table.reject_unknown(tuple(LIMIT_KEYS))
    values = {}
    for key, types in LIMIT_KEYS.items():
        if key in table.data:
            value = table.get(key, types, "a positive number")
            if value <= 0:
                raise table.fail(key, "a positive number")
            values[key] = value
    return Limits(**values)


def problem_roots() -> tuple[Path, ...]:
    """The folders of problems: those in $JUDGE_PROBLEMS (separated by os.pathsep), then the
    problems shipped with the judge (`judge.problem_set`). A slug in an earlier folder
    hides the same slug in later ones, so a folder can also replace a shipped problem."""
    configured = [Path(p) for p in os.environ.get("JUDGE_PROBLEMS", "").split(os.pathsep) if p]
    for root in configured:
        if not root.is_dir():
            raise UsageError(f"no problems folder at {root} (named in JUDGE_PROBLEMS).")
    return (*configured, shipped("judge.problem_set"))


def find_problems_root() -> Path:
    """The first folder of problems (see problem_roots)."""
    return problem_roots()[0]


def shipped(package: str) -> Path:
    """A folder shipped inside the judge package, from a checkout or an installed wheel alike."""
    return Path(str(importlib.resources.files(package)))


class ProblemSet:
    """All problems under one or more folders, loaded on demand; an earlier folder's slug wins."""

    def __init__(self, root: Path, *more: Path) -> None:
        # Absolute: the sandbox hides these folders by path, from another working directory.
        self.roots = tuple(r.resolve() for r in (root, *more))

    @property
    def root(self) -> Path:
        return self.roots[0]

    def _directories(self) -> dict[str, Path]:
        found: dict[str, Path] = {}
        for root in reversed(self.roots):  # earlier folders last: their slugs win
            found.update({p.name: p for p in root.iterdir() if (p / "problem.toml").is_file()})
        return found

    def slugs(self) -> list[str]:
        return sorted(self._directories())

    def directory(self, slug: str) -> Path:
        """Where problem `slug` lives, without loading it (`judge problem check` reports a broken one)."""
        directories = self._directories()
        if slug not in directories:
            valid = ", ".join(sorted(directories)) or "(none)"
            raise UsageError(f"unknown problem '{slug}'. Valid problems: {valid}.")
        return directories[slug]

    def get(self, slug: str) -> Problem:
        return load_problem(self.directory(slug))
