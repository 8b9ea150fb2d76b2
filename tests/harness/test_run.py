"""A judging run is deterministic for a given seed."""

from judge.harness.run import judge_solution
from judge.sandbox.local import LocalBackend
from tests.conftest import PROBLEMS_ROOT

WRONG = PROBLEMS_ROOT / "is_subsequence" / "corpus" / "reuses_characters.py"


def _fingerprint(result):
    return [(c.name, c.verdict, c.counterexample, c.expected, c.actual) for c in result.cases]


def test_same_seed_same_report(problems):
    problem = problems.get("is_subsequence")
    first = judge_solution(problem, WRONG, LocalBackend(), seed=3, measure_complexity=False)
    second = judge_solution(problem, WRONG, LocalBackend(), seed=3, measure_complexity=False)
    assert first.verdict.value == "wrong_answer"
    assert _fingerprint(first) == _fingerprint(second)
