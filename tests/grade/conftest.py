"""Every grading test keeps its cell cache in its own folder, never in the user's ~/.cache."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def private_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "grade-cache"
    monkeypatch.setenv("JUDGE_CACHE", str(folder))  # also reaches `judge grade` started as a process
    return folder
