"""The gradebook model and its renderings, from made-up run reports (no sandbox)."""

from __future__ import annotations

import json
from pathlib import Path

from judge.grade.discovery import Discovery, NotGraded, Submission
from judge.grade.gradebook import build_gradebook
from judge.grade.pool import CellOutcome
from judge.grade.render import render_json, render_markdown
from judge.grade.roster import Roster

ROOT = Path("/group")


def _case(category: str, verdict: str = "accepted", counterexample: str | None = None) -> dict:
    return {"name": f"test_{category}", "category": category, "verdict": verdict, "message": "differs",
            "counterexample": counterexample, "expected": "1", "actual": "2"}


def _outcome(member: str, slug: str, verdict: str, cases: list[dict], points: float = 100.0) -> CellOutcome:
    submission = Submission(member, slug, ROOT / member / f"{slug}.py", points)
    report = {"verdict": verdict, "cases": cases, "complexity": None}
    return CellOutcome(submission, verdict, "", report, 1.5)


def _book(outcomes: list[CellOutcome], pending: list[Submission] = (), interrupted_by: str | None = None):
    submissions = [o.submission for o in outcomes] + list(pending)
    found = Discovery(ROOT, Roster(), sorted({s.member for s in submissions}), ["is_subsequence", "top_n_words"],
                      submissions, [NotGraded("a|b", ROOT / "a|b" / "x.py", "'x' is not a problem")])
    return build_gradebook(found, outcomes, {"seed": 0}, interrupted_by)


def test_points_are_the_share_of_categories_passed_and_totals_add_up() -> None:
    book = _book([
        _outcome("ann", "is_subsequence", "accepted", [_case("a"), _case("b")]),
        _outcome("ann", "top_n_words", "wrong_answer",
                 [_case("a"), _case("b", "wrong_answer", "f(1)"), _case("b"), _case("c")], points=30),
    ])
    wrong = book.cell("ann", "top_n_words")
    assert (wrong.categories_passed, wrong.categories_total, wrong.points) == (2, 3, 20.0)
    assert [f.category for f in wrong.failures] == ["b"]
    (total,) = book.totals()
    assert (total.points, total.max_points, total.accepted, total.graded) == (120.0, 130.0, 1, 2)
    assert book.members_under(93) == ["ann"] and book.members_under(92) == []
    assert not book.has_internal_error
    assert json.loads(render_json(book))["totals"][0]["points"] == 120.0


def test_markdown_cannot_be_broken_by_names_or_counterexamples() -> None:
    sneaky = "f('```')\n</details>"
    book = _book([_outcome("x|y", "is_subsequence", "wrong_answer", [_case("a", "wrong_answer", sneaky)])])
    markdown = render_markdown(book)
    assert "| x\\|y |" in markdown
    assert "````\nf('```')\n</details>" in markdown  # a fence longer than the backticks inside
    assert "### x\\|y / is\\_subsequence" in markdown


def test_a_stopped_batch_says_so_and_lists_what_was_not_graded() -> None:
    done = _outcome("ann", "is_subsequence", "accepted", [_case("a")])
    left = Submission("bob", "is_subsequence", ROOT / "bob" / "is_subsequence.py", 100.0)
    book = _book([done], pending=[left], interrupted_by="SIGTERM")
    data = json.loads(render_json(book))
    assert data["complete"] is False and data["interrupted_by"] == "SIGTERM"
    assert data["pending"] == [{"member": "bob", "problem": "is_subsequence", "solution": str(left.path)}]
    assert "Stopped by SIGTERM" in render_markdown(book)


def test_measured_complexity_is_summarised_and_shown() -> None:
    outcome = _outcome("ann", "is_subsequence", "accepted", [_case("a")])
    outcome.report["complexity"] = {
        "time": {"expected": "O(n)", "measured": "O(n^2)", "within_expected": False, "points": []},
        "memory": {"expected": "O(1)", "measured": "O(1)", "within_expected": True, "points": []},
        "worse_than_expected": True,
    }
    book = _book([outcome])
    cell = book.cell("ann", "is_subsequence")
    assert cell.complexity == {"time": {"expected": "O(n)", "measured": "O(n^2)", "within_expected": False},
                               "memory": {"expected": "O(1)", "measured": "O(1)", "within_expected": True}}
    assert cell.complexity_worse and cell.points == 75.0  # the default complexity_penalty is 0.25
    assert "accepted 75/100, time O(n^2) (worse than expected)" in render_markdown(book).replace("\\", "")
