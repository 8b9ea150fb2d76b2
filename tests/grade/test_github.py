"""GitHub Actions: annotations escaped as the runner reads them, at most 10, and the job
summary cut under 1 MiB with a note, never dropped."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from judge.grade.discovery import Discovery
from judge.grade.gradebook import Gradebook, build_gradebook
from judge.grade.render import render_markdown
from judge.grade.render_github import (
    MAX_ANNOTATIONS,
    SUMMARY_LIMIT,
    _open_fence,
    annotation,
    annotations,
    append_step_summary,
    escape_data,
    escape_property,
    fit_summary,
)
from judge.grade.roster import Roster
from tests.grade.test_batch import _write, group  # noqa: F401 (a fixture)
from tests.grade.test_junit import ROOT, _case, _outcome


def _unescape(text: str) -> str:
    """What the runner makes of an escaped value."""
    for escaped, plain in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        text = text.replace(escaped, plain)
    return text


def _book(outcomes) -> Gradebook:
    members = list(dict.fromkeys(o.submission.member for o in outcomes))
    found = Discovery(ROOT, Roster(), members, ["is_subsequence"], [o.submission for o in outcomes])
    return build_gradebook(found, outcomes, {})


def test_escaping_as_the_runner_requires() -> None:
    assert escape_data("50% done\r\nnext: a,b") == "50%25 done%0D%0Anext: a,b"
    assert escape_property("50% done\r\nnext: a,b") == "50%25 done%0D%0Anext%3A a%2Cb"
    assert escape_data("%0A") == "%250A"  # an escape in the text stays text


def test_an_annotation_is_one_command_whatever_the_solution_said() -> None:
    said = "boom\n::error file=x::forged\r%0A"
    cell = _book([_outcome("eve,line=9:x", "is_subsequence", "wrong_answer", cases=[
        _case("wrong_answer", message=said, counterexample="is_subsequence('', 'a')")])]).cells[0]
    line = annotation(cell)
    assert "\n" not in line and "\r" not in line
    found = re.fullmatch(r"::error ([^:]*)::(.*)", line)
    assert found, line
    properties = dict(item.split("=", 1) for item in found.group(1).split(","))
    assert set(properties) == {"file", "line", "title"}
    assert _unescape(properties["file"]) == "/group/eve,line=9:x/is_subsequence.py"
    assert _unescape(properties["title"]) == "eve,line=9:x/is_subsequence: wrong answer"
    assert properties["line"] == "1"
    assert _unescape(found.group(2)) == (f"wrong answer in category empty (test_x): {' '.join(said.split())}"
                                         "\nsmallest failing input:\nis_subsequence('', 'a')")


def test_at_most_ten_annotations_and_a_line_for_the_rest() -> None:
    book = _book([_outcome(f"m{i:02}", "is_subsequence", "wrong_answer", cases=[_case("wrong_answer")])
                  for i in range(12)] + [_outcome("ok", "is_subsequence", "accepted")])
    lines = annotations(book)
    assert len(lines) == MAX_ANNOTATIONS + 1 and all(line.startswith("::error ") for line in lines[:-1])
    assert lines[-1].startswith("2 more failed cells are not annotated")


# ---- the job summary ---------------------------------------------------------------------

def _big_markdown() -> str:
    """Over 2 MiB of failures, each a fenced block with multi-byte characters."""
    example = ("is_subsequence('ééé" + "é" * 3000 + "', '``')\n") * 4
    book = _book([_outcome(f"m{i:03}", "is_subsequence", "wrong_answer", cases=[
        _case("wrong_answer", counterexample=example)]) for i in range(120)])
    return render_markdown(book)


def test_a_small_summary_is_kept_whole() -> None:
    assert fit_summary("# Gradebook\n", 100) == "# Gradebook\n"


@pytest.mark.parametrize("budget", [SUMMARY_LIMIT - 1, 300_001, 5_000])
def test_a_big_summary_is_cut_under_the_limit_with_a_note(budget: int) -> None:
    markdown = _big_markdown()
    assert len(markdown.encode()) > 2 * SUMMARY_LIMIT
    cut = fit_summary(markdown, budget)
    assert len(cut.encode("utf-8")) <= budget
    assert cut.rstrip().endswith("to keep as an artifact.") and "is cut here" in cut
    before_note = cut[:cut.index("\n\n> **The gradebook is cut here**")]
    assert _open_fence(before_note) is None  # the note is not swallowed by an open code block
    assert markdown.startswith(before_note.rsplit("\n", 1)[0])  # a prefix, cut at a line


def test_the_note_is_written_even_without_room() -> None:
    assert "is cut here" in fit_summary("x" * 100 + "\n", 10)


def test_the_summary_is_appended_and_the_file_stays_under_1_mib(tmp_path: Path) -> None:
    summary = tmp_path / "summary.md"
    summary.write_text("## an earlier step's part\n" * 1000)
    earlier = summary.read_text()
    append_step_summary(summary, _big_markdown())
    text = summary.read_text()
    assert text.startswith(earlier) and len(text.encode()) < SUMMARY_LIMIT and "is cut here" in text


def test_under_github_actions_the_batch_annotates_and_writes_the_summary(run_cli, group: Path,  # noqa: F811
                                                                         tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    _write(group / "alice" / "is_subsequence.py", "")  # empty: a compile_error decided without a run
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    result = run_cli("grade", str(group), "--sandbox", "local")
    assert result.exit_code == 0, result.stderr
    path = escape_property(str(group / "alice" / "is_subsequence.py"))
    assert f"::error file={path},line=1,title=alice/is_subsequence%3A compile error::compile error: " in result.stdout
    assert "| alice | ❌ compile error 0/100 | 0/100 |" in summary.read_text()


def test_outside_github_actions_nothing_is_annotated(run_cli, group: Path) -> None:  # noqa: F811
    _write(group / "alice" / "is_subsequence.py", "")
    result = run_cli("grade", str(group), "--sandbox", "local")
    assert result.exit_code == 0 and "::error" not in result.stdout
