"""`judge grade --similarity FILE.html` with copydetect: near copies between members are
flagged, independent solutions and the starter code every member begins from are not."""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

import pytest

from judge.errors import UsageError
from judge.grade.discovery import discover
from judge.grade.similarity import near_copies, starter_of
from judge.problems import ProblemSet
from tests.conftest import PROBLEMS_ROOT

FIXTURE = Path(__file__).parents[1] / "fixtures" / "group"
PROBLEMS = ProblemSet(PROBLEMS_ROOT)
INDEPENDENT_TOP_N = """\
import collections
import heapq
import re


def top_n_words(text, n):
    if type(text) is not str or type(n) is not int:
        raise TypeError("top_n_words(text: str, n: int)")
    if n < 0:
        raise ValueError("n >= 0 please")
    tally = collections.Counter(token.lower() for token in re.findall(r"[^\\W_]+", text))
    return heapq.nsmallest(n, tally.items(), key=lambda pair: (-pair[1], pair[0]))
"""


def _group(tmp_path: Path, files: dict[str, Path | str]) -> Path:
    for relative, source in files.items():
        target = tmp_path / "group" / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(source.read_text() if isinstance(source, Path) else source)
    return tmp_path / "group"


def _pairs(group: Path, tmp_path: Path) -> list[tuple[str, str, str]]:
    found = discover(group, PROBLEMS.slugs())
    pairs = near_copies(found.submissions, PROBLEMS, tmp_path / "similarity.html")
    return [(p.problem, p.first.parent.name, p.second.parent.name) for p in pairs]


def test_a_renamed_copy_is_flagged_and_independent_solutions_are_not(tmp_path: Path) -> None:
    group = _group(tmp_path, {
        "ana/top_n_words.py": FIXTURE / "ana" / "top_n_words.py",
        "fay/top_n_words.py": FIXTURE / "fay" / "top_n_words.py",  # ana's, every name changed
        "ben/top_n_words.py": FIXTURE / "ben" / "top_n_words.py",  # a regex and a Counter
        "gus/top_n_words.py": INDEPENDENT_TOP_N,
    })

    pairs = _pairs(group, tmp_path)

    assert [tuple(sorted(p[1:])) for p in pairs] == [("ana", "fay")]
    assert pairs[0][0] == "top_n_words"
    html = (tmp_path / "similarity.html").read_text()
    assert "ana/top_n_words.py" in html and "fay/top_n_words.py" in html


HELPER = """\
def check_arguments(s, t):
    for name, value in (("s", s), ("t", t)):
        if not isinstance(value, str):
            raise TypeError(f"{name} must be a str, not {type(value).__name__}")
    if len(s) > len(t):
        return False
    if not s:
        return True
    return None


def describe(s, t, answer):
    shown = [repr(s)[:20], repr(t)[:20]]
    lines = [f"is_subsequence({shown[0]}, {shown[1]}) -> {answer}"]
    for index, char in enumerate(s[:5]):
        where = t.find(char)
        lines.append(f"  s[{index}] = {char!r} first found in t at {where}")
    return "\\n".join(lines)


def examples():
    cases = [("", ""), ("a", ""), ("abc", "ahbgdc"), ("axc", "ahbgdc"), ("aa", "a")]
    return [(s, t) for s, t in cases if isinstance(s, str) and isinstance(t, str)]


"""


def _problems_with_starter(tmp_path: Path, starter: str) -> ProblemSet:
    """is_subsequence in a folder of its own, with this starter (the organiser's scaffold)."""
    folder = tmp_path / "problems" / "is_subsequence"
    shutil.copytree(PROBLEMS_ROOT / "is_subsequence", folder, ignore=shutil.ignore_patterns("corpus"))
    (folder / "starter.py").write_text(starter)
    return ProblemSet(tmp_path / "problems")


def test_the_starter_code_does_not_make_solutions_similar(tmp_path: Path) -> None:
    starter = HELPER + "def is_subsequence(s, t):\n    raise NotImplementedError\n"
    group = _group(tmp_path, {
        "ana/is_subsequence.py": HELPER + "def is_subsequence(s, t):\n    early = check_arguments(s, t)\n"
                                 "    it = iter(t)\n    return early if early is not None else all(c in it for c in s)\n",
        "ben/is_subsequence.py": HELPER + "def is_subsequence(s, t):\n    if check_arguments(s, t) is False:\n"
                                 "        return False\n    i = 0\n    for ch in t:\n"
                                 "        i += i < len(s) and s[i] == ch\n    return i == len(s)\n",
    })
    found = discover(group, PROBLEMS.slugs())

    with_starter = _problems_with_starter(tmp_path / "a", starter)
    without_starter = _problems_with_starter(tmp_path / "b", "")  # an empty starter excludes nothing

    assert starter_of(with_starter, "is_subsequence") == with_starter.root / "is_subsequence" / "starter.py"
    assert near_copies(found.submissions, with_starter, tmp_path / "a.html") == []
    assert len(near_copies(found.submissions, without_starter, tmp_path / "b.html")) == 1


def test_the_planted_copies_of_the_fixture_group_come_first(tmp_path: Path) -> None:
    """The fixture's other files are variants of one another (mutants from the problems'
    corpora), so some of them are flagged too; the two renamed copies share everything."""
    group = tmp_path / "group"
    shutil.copytree(FIXTURE, group)

    pairs = _pairs(group, tmp_path)

    assert sorted((p[0], *sorted(p[1:])) for p in pairs[:2]) == [
        ("top_n_words", "ana", "fay"), ("weekly_buckets", "ana", "fay")]


def test_without_copydetect_the_option_says_which_extra_to_install(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "copydetect", None)  # what an install without the grade extra sees
    group = _group(tmp_path, {"ana/top_n_words.py": INDEPENDENT_TOP_N, "ben/top_n_words.py": INDEPENDENT_TOP_N})
    found = discover(group, PROBLEMS.slugs())
    with pytest.raises(UsageError, match=re.escape("pip install 'judge[grade]'")):
        near_copies(found.submissions, PROBLEMS, tmp_path / "s.html")


def test_the_cli_refuses_a_report_in_a_missing_folder_before_grading(run_cli, tmp_path: Path) -> None:
    group = _group(tmp_path, {"ana/top_n_words.py": INDEPENDENT_TOP_N})
    result = run_cli("grade", str(group), "--similarity", str(tmp_path / "nowhere" / "s.html"))
    assert result.exit_code == 2 and "does not exist" in result.stderr
