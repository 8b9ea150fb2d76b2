"""A judging run is deterministic for a given seed, and leaves its process as it found it."""

import gc

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


def test_problems_judged_one_after_another_each_run_their_own_tests(problems):
    """Every problem's tests live in a file named hidden_tests.py: they must not be mixed up."""
    for slug in ("is_subsequence", "top_n_words", "is_subsequence"):
        problem = problems.get(slug)
        result = judge_solution(problem, problem.reference_path, LocalBackend(), measure_complexity=False)
        tests = (problem.hidden_tests_path).read_text()
        assert result.verdict.value == "accepted", slug
        assert all(f"def {case.name.split('[')[0]}(" in tests for case in result.cases), slug



def test_a_process_that_judges_run_after_run_can_free_what_each_run_left(problems):
    """The heap is frozen while the tests run (run.py: _heap_frozen), and thawed after: a contest
    worker's memory would otherwise grow with every run."""
    problem = problems.get("is_subsequence")
    frozen_while_testing = []
    before = gc.get_freeze_count()
    result = judge_solution(problem, WRONG, LocalBackend(), measure_complexity=False,
                            progress=lambda done, total, name: frozen_while_testing.append(gc.get_freeze_count()))
    assert result.verdict.value == "wrong_answer"  # a failed run is thawed too
    assert frozen_while_testing and min(frozen_while_testing) > before
    assert gc.get_freeze_count() == before
