"""The user's last verdict per problem, kept in the data directory."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from judge.harness.results import RunResult


def default_data_dir() -> Path:
    """$JUDGE_HOME, else $XDG_DATA_HOME/judge, else ~/.local/share/judge."""
    if os.environ.get("JUDGE_HOME"):
        return Path(os.environ["JUDGE_HOME"])
    base = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(base) / "judge"


class History:
    """history.json: {slug: {"verdict", "solution", "at"}}. A file that is not that is set
    aside (renamed, never deleted) with one warning, and a fresh history starts."""

    def __init__(self, data_dir: Path, warn: Callable[[str], None] = lambda message: None) -> None:
        self.path = data_dir / "history.json"
        self.warn = warn

    def last_verdicts(self) -> dict[str, dict]:
        try:
            text = self.path.read_text(encoding="utf-8")
        except OSError:  # none yet, or an unreadable data directory: no history
            return {}
        data = _parse(text)
        if data is None:
            self._set_aside("it is not a judge history")
            return {}
        kept = {slug: entry for slug, entry in data.items() if _well_formed(entry)}
        if len(kept) < len(data):
            bad = len(data) - len(kept)
            what = "is not a verdict" if bad == 1 else "are not verdicts"
            self._set_aside(f"{bad} of its {len(data)} entries {what}", kept)
        return kept

    def record(self, result: RunResult) -> None:
        """Remembers a run; an unwritable data directory only loses the history."""
        data = self.last_verdicts()
        data[result.problem] = {
            "verdict": result.verdict.value,
            "solution": result.solution,
            "at": datetime.now(UTC).isoformat(timespec="seconds"),
        }
        self._write(data)

    def _set_aside(self, why: str, kept: dict[str, dict] | None = None) -> None:
        """Moves the file out of the way (the user may want it back) and keeps what was well formed."""
        aside = self.path.with_name(f"history.json.{datetime.now(UTC):%Y%m%dT%H%M%S}.bad")
        try:
            self.path.replace(aside)
        except OSError:
            self.warn(f"{self.path}: {why}; it is ignored (it could not be moved aside).")
            return
        self.warn(f"{self.path}: {why}; moved to {aside.name}, a fresh history starts.")
        if kept:
            self._write(kept)

    def _write(self, data: dict[str, dict]) -> None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            tmp = self.path.with_suffix(".tmp")
            tmp.write_text(json.dumps(data, indent=2), encoding="utf-8")
            tmp.replace(self.path)
        except OSError:
            pass


def _parse(text: str) -> dict | None:
    try:
        data = json.loads(text)
    except ValueError:
        return None
    return data if isinstance(data, dict) else None


def _well_formed(entry: object) -> bool:
    return isinstance(entry, dict) and isinstance(entry.get("verdict"), str)
