"""The user's last verdict per problem, kept in the data directory."""

from __future__ import annotations

import json
import os
from datetime import datetime, timezone
from pathlib import Path

from judge.harness.results import RunResult


def default_data_dir() -> Path:
    """$JUDGE_HOME, else $XDG_DATA_HOME/judge, else ~/.local/share/judge."""
    if os.environ.get("JUDGE_HOME"):
        return Path(os.environ["JUDGE_HOME"])
    base = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(base) / "judge"


class History:
    def __init__(self, data_dir: Path) -> None:
        self.path = data_dir / "history.json"

    def last_verdicts(self) -> dict[str, dict]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        if not isinstance(data, dict):
            return {}
        # A hand-edited or foreign file must not break `judge list`: keep only well-formed entries.
        return {slug: entry for slug, entry in data.items() if isinstance(entry, dict)}

    def record(self, result: RunResult) -> None:
        """Remembers a run; an unwritable data directory only loses the history."""
        data = self.last_verdicts()
        data[result.problem] = {
            "verdict": result.verdict.value,
            "solution": result.solution,
            "at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        }
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            tmp = self.path.with_suffix(".tmp")
            tmp.write_text(json.dumps(data, indent=2), encoding="utf-8")
            tmp.replace(self.path)
        except OSError:
            pass
