"""CI templates: `judge ci init github|gitlab` writes a workflow that grades a study group.

The templates are package data (judge/ci/templates/), plain YAML with a few
@@NAME@@ placeholders, so a reader sees the file CI will run. The values put
in them land in single-quoted YAML scalars and reach the shell only through
environment variables, never inside a script's text.
"""

from __future__ import annotations

import importlib.resources
from dataclasses import dataclass
from pathlib import Path

from judge import __version__
from judge.errors import UsageError

MAX_SHARDS = 256  # GitHub's limit of jobs per matrix


@dataclass(frozen=True)
class Settings:
    install: str  # the pip requirement CI installs the judge with
    group: str = "."  # the folder graded, relative to the repository
    shards: int = 1  # GitHub only: grade on this many runners and merge


def default_install() -> str:
    """This judge's wheel, committed in the group's repository (`make dist` builds it)."""
    return f"./.judge/judge-{__version__}-py3-none-any.whl[docker,grade]"


def github_files(settings: Settings, fork_safe: bool) -> dict[str, str]:
    """Paths relative to the repository's top, and their text."""
    if fork_safe and settings.shards > 1:
        raise UsageError("--fork-safe and --shards cannot be combined yet: choose one.")
    if fork_safe:
        names = {".github/workflows/judge-grade.yml": "judge-grade.yml",
                 ".github/workflows/judge-publish.yml": "judge-publish.yml"}
    elif settings.shards > 1:
        names = {".github/workflows/judge.yml": "judge-sharded.yml"}
    else:
        names = {".github/workflows/judge.yml": "judge.yml"}
    return {target: _render("github", name, settings) for target, name in names.items()}


def gitlab_files(settings: Settings) -> dict[str, str]:
    if settings.shards > 1:
        raise UsageError("--shards is for GitHub's matrix; the GitLab template grades in one job.")
    return {".gitlab-ci.yml": _render("gitlab", "gitlab-ci.yml", settings)}


def write(files: dict[str, str], top: Path, force: bool) -> list[Path]:
    """Writes every file under `top`, or none: an existing one needs `force`."""
    targets = {top / relative: text for relative, text in files.items()}
    existing = [path for path in targets if path.exists()]
    if existing and not force:
        raise UsageError(f"{', '.join(map(str, existing))} already exists; pass --force to overwrite it.")
    for path, text in targets.items():
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        except OSError as exc:
            raise UsageError(f"cannot write {path}: {exc.strerror or exc}.") from exc
    return list(targets)


def _render(platform: str, name: str, settings: Settings) -> str:
    text = importlib.resources.files("judge.ci").joinpath("templates", platform, name).read_text(encoding="utf-8")
    values = {"VERSION": __version__, "INSTALL": _quoted(settings.install, "--install"),
              "GROUP": _quoted(settings.group, "--group"), "SHARDS": str(settings.shards),
              "SHARD_LIST": ", ".join(str(k) for k in range(1, settings.shards + 1))}
    for key, value in values.items():
        text = text.replace(f"@@{key}@@", value)
    return text


def _quoted(value: str, option: str) -> str:
    """The inside of a single-quoted YAML scalar: one line, a quote doubled."""
    if not value or any(ch in value for ch in "\r\n\0"):
        raise UsageError(f"{option} must be one non-empty line (got {value!r}).")
    if "${{" in value:  # GitHub would evaluate it as an expression
        raise UsageError(f"{option} must not hold '${{{{' (got {value!r}).")
    return value.replace("'", "''")
