"""'Name your complexity': a real run holds the solution's claims against what it measured."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import PROBLEMS_ROOT

REFERENCE = PROBLEMS_ROOT / "is_subsequence" / "reference.py"  # O(n) time, O(1) memory


def test_claims_are_held_against_the_measurement_in_json_and_text(run_cli, tmp_path: Path):
    solution = tmp_path / "claimed.py"
    solution.write_text("# time: O(1)\n# memory: O(n^2)\n" + REFERENCE.read_text())
    args = ("run", "is_subsequence", "--solution", str(solution), "--sandbox", "local")
    report = json.loads(run_cli(*args, "--format", "json").stdout)
    time_claim, memory_claim = report["complexity"]["time"]["claim"], report["complexity"]["memory"]["claim"]
    assert time_claim == {"text": "O(1)", "line": 1, "class": "O(1)", "problem": None, "verdict": "optimistic"}
    assert memory_claim["class"] == "O(n^2)" and memory_claim["verdict"] == "pessimistic"
    text = run_cli(*args).stdout
    assert "time: you said O(1), OPTIMISTIC: the measurement is worse" in text
    assert "memory: you said O(n^2), pessimistic: the measurement is better" in text


def test_a_solution_without_claims_is_judged_as_before(run_cli):
    result = run_cli("run", "is_subsequence", "--solution", str(REFERENCE), "--sandbox", "local", "--format", "json")
    report = json.loads(result.stdout)
    assert result.exit_code == 0
    assert report["complexity"]["time"]["claim"] is None and report["complexity"]["memory"]["claim"] is None
