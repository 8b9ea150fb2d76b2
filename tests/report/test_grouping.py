"""Grouping failing cases: one bug is one group, different bugs stay apart."""

from judge.harness.results import CaseResult
from judge.report.grouping import group_failures, mask_values, not_written, raising_line
from judge.verdicts import Verdict

WA, RE = Verdict.WRONG_ANSWER, Verdict.RUNTIME_ERROR


def _case(name: str, verdict: Verdict = WA, message: str = "", counterexample: str | None = None,
          traceback: list[str] | None = None, category: str = "basics") -> CaseResult:
    return CaseResult(name, category, verdict, message, counterexample, traceback=traceback or [])


def _frame(line: int) -> list[str]:
    return [f'  File "solution.py", line {line}, in f', "    raise ValueError"]


def test_the_same_check_with_other_numbers_is_one_failure():
    cases = [_case("a", message="must return min(k, n) = 1 items", counterexample="f([0, 1], 1)"),
             _case("b", message="must return min(k, n) = 2 items", counterexample="f([0, 1, 2], 2)"),
             _case("c", message="k == 0 gives []", counterexample="f([0], 0)")]
    groups = group_failures(cases)
    assert [[c.name for c in g.cases] for g in groups] == [["a", "b"], ["c"]]


def test_the_same_smallest_input_is_one_failure_whatever_the_message():
    cases = [_case("a", message="must be a list", counterexample="f('')"),
             _case("b", message="the result differs from the expected one", counterexample="f('')")]
    assert len(group_failures(cases)) == 1


def test_a_case_matching_two_groups_joins_them():
    cases = [_case("a", message="first check", counterexample="f(1)"),
             _case("b", message="second check", counterexample="f(2)"),
             _case("c", message="first check", counterexample="f(2)")]
    assert [[c.name for c in g.cases] for g in group_failures(cases)] == [["a", "b", "c"]]


def test_runtime_errors_group_by_type_and_line_not_by_message():
    cases = [_case("a", RE, "KeyError: 'x'", traceback=_frame(4)),
             _case("b", RE, "KeyError: 'y'", traceback=_frame(4)),
             _case("c", RE, "KeyError: 'x'", traceback=_frame(9)),
             _case("d", RE, "IndexError: 'x'", traceback=_frame(4))]
    assert [[c.name for c in g.cases] for g in group_failures(cases)] == [["a", "b"], ["c"], ["d"]]


def test_different_verdicts_never_share_a_group():
    cases = [_case("a", WA, "too slow", "f(1)"), _case("b", Verdict.TIME_LIMIT_EXCEEDED, "too slow", "f(1)")]
    assert len(group_failures(cases)) == 2


def test_a_group_shows_its_smallest_input_and_counts_its_categories():
    cases = [_case("a", message="n = 10", counterexample="f(1000000)", category="large"),
             _case("b", message="n = 2", counterexample="f(123)", category="ties"),
             _case("c", message="n = 3", counterexample="f(10)", category="ties"),
             _case("d", Verdict.ACCEPTED, category="ties")]
    (group,) = group_failures(cases)
    assert group.shown.name == "c"
    assert group.categories == [("large", 1), ("ties", 2)]


def test_masking_keeps_the_words_and_drops_the_values():
    assert mask_values("pair #90 (counting from 0) differs") == mask_values("pair #3 (counting from 0) differs")
    assert mask_values("expected 'a', got 'b'") == mask_values("expected 'c', got 'dd'")
    assert mask_values("must return a list") != mask_values("must return a tuple")


def test_the_untouched_starter_is_recognised_with_its_line():
    cases = [_case("a", RE, "NotImplementedError", traceback=_frame(22)),
             _case("b", WA, "expected TypeError, but the solution raised NotImplementedError"),
             _case("c", Verdict.ACCEPTED)]
    assert not_written(cases) and raising_line(cases) == 22
    assert not not_written([*cases, _case("d", RE, "ValueError: bad", traceback=_frame(5))])
    assert not not_written([_case("e", Verdict.ACCEPTED)])
