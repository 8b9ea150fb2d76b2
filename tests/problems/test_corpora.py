"""Every problem's own corpus gets the verdict written on its first line.

A correct solution must never be rejected and each wrong one must be caught
by the rule it breaks; the reference itself must be accepted.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from judge.harness.run import judge_solution
from judge.sandbox.local import LocalBackend
from judge.problems import ProblemSet
from judge.verdicts import Verdict
from tests.conftest import PROBLEMS_ROOT

EXPECT = re.compile(r"^# expect: (\w+)")


def _corpus() -> list[tuple[str, Path, str]]:
    entries = []
    for slug in ProblemSet(PROBLEMS_ROOT).slugs():
        directory = PROBLEMS_ROOT / slug
        entries.append((slug, directory / "reference.py", "accepted"))
        for path in sorted((directory / "corpus").glob("*.py")):
            match = EXPECT.match(path.read_text(encoding="utf-8").splitlines()[0] if path.stat().st_size else "")
            entries.append((slug, path, match.group(1) if match else "<missing '# expect:' line>"))
    return entries


@pytest.mark.slow
@pytest.mark.parametrize(("slug", "solution", "expected"), _corpus(), ids=lambda v: getattr(v, "name", v))
def test_corpus_solution_gets_its_verdict(problems, slug: str, solution: Path, expected: str):
    assert expected in {v.value for v in Verdict}, f"{solution}: line 1 must be '# expect: <verdict>'"
    result = judge_solution(problems.get(slug), solution, LocalBackend(), seed=0, measure_complexity=False)
    failing = [f"{c.name}: {c.verdict.value}: {c.message} {c.counterexample}" for c in result.cases if c.verdict.value != "accepted"]
    assert result.verdict.value == expected, f"{solution.name}: {result.message} {failing}"
