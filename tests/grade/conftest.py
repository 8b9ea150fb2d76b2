"""Every grading test keeps its cell cache in its own folder, never in the user's ~/.cache,
and speaks to no GitHub Actions run of its own."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def private_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "grade-cache"
    monkeypatch.setenv("JUDGE_CACHE", str(folder))  # also reaches `judge grade` started as a process
    # Under GitHub Actions, the tests' batches must not annotate this project's run or write its summary.
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    return folder
