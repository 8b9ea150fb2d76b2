"""JUnit XML from a made-up gradebook: read back with ElementTree and checked against the
attributes GitLab's unit test reports and GitHub's JUnit report actions read; validated
against a published JUnit XSD (the Jenkins xUnit plugin's, vendored in schemas/ with its
source and licence) and read back with junitparser, a maintained JUnit library.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import junitparser
import pytest
import xmlschema

from judge.grade.discovery import Discovery, Submission
from judge.grade.gradebook import Gradebook, build_gradebook
from judge.grade.pool import CellOutcome
from judge.grade.render_junit import render_junit, xml_safe
from judge.grade.roster import Roster

ROOT = Path("/group")
XSD = Path(__file__).parent / "schemas" / "junit-10.xsd"
# What we write beyond that XSD, because the readers we target use it: `file` and `line` on a
# testcase (GitLab's and GitHub's annotations; pytest writes them too) and `skipped` on the root.
BEYOND_XSD = {"testcase": {"file", "line"}, "testsuites": {"skipped"}}
VERDICTS = {"wrong_answer", "runtime_error", "time_limit_exceeded", "memory_limit_exceeded",
            "output_limit_exceeded", "compile_error", "forbidden_import", "internal_error"}
HOSTILE = "<&>\"' ]]> \x00\x1b[31m \ud800"  # markup, a CDATA end, bytes XML 1.0 cannot hold


def _outcome(member: str, slug: str, verdict: str, *, message: str = "", cases: list[dict] | None = None,
             complexity: dict | None = None) -> CellOutcome:
    submission = Submission(member, slug, ROOT / member / f"{slug}.py", 100.0)
    report = {"verdict": verdict, "message": message, "cases": cases or [], "complexity": complexity}
    return CellOutcome(submission, verdict, message, report, 2.25)


def _case(verdict: str = "accepted", **extra) -> dict:
    return {"name": "test_x", "category": "empty", "verdict": verdict, "message": "differs",
            "counterexample": None, "expected": None, "actual": None, **extra}


COMPLEXITY = {"worse_than_expected": True,
              "time": {"expected": "O(n)", "measured": "O(n^2)", "within_expected": False}}


@pytest.fixture
def book() -> Gradebook:
    outcomes = [
        _outcome("ann", "is_subsequence", "accepted", cases=[_case()], complexity=COMPLEXITY),
        _outcome("ann", "top_n_words", "compile_error",
                 message="/group/ann/top_n_words.py, line 4, column 2: SyntaxError: expected ':'"),
        _outcome("bob", "is_subsequence", "runtime_error", cases=[_case(
            "runtime_error", message="IndexError: string index out of range", counterexample="is_subsequence('', '')",
            traceback=['  File "is_subsequence.py", line 7, in helper\n    return s[100]  # line 99',
                       '  File "is_subsequence.py", line 3, in is_subsequence\n    return helper(s)'][::-1])]),
        _outcome("bob", "top_n_words", "wrong_answer", cases=[_case(
            "wrong_answer", message=HOSTILE, counterexample="top_n_words('a', 1)", expected="['a']", actual=HOSTILE)]),
        _outcome("b.ob", "is_subsequence", "internal_error",
                 message="`judge run` exited 2: judge/x.py, line 40"),
    ]
    outcomes[-1].report = None
    pending = Submission("cy", "top_n_words", ROOT / "cy" / "top_n_words.py", 100.0)
    submissions = [o.submission for o in outcomes] + [pending]
    found = Discovery(ROOT, Roster(), ["ann", "b.ob", "bob", "cy"], ["is_subsequence", "top_n_words"], submissions,
                      missing=[("cy", "is_subsequence")])
    return build_gradebook(found, outcomes, {}, interrupted_by="SIGTERM")


def _check_shape(root: ET.Element) -> None:
    """The attributes the readers need, and counts that agree with the cases."""
    assert root.tag == "testsuites"
    names = set()
    for suite in root:
        assert suite.tag == "testsuite" and suite.get("name")
        cases = suite.findall("testcase")
        assert int(suite.get("tests")) == len(cases) == len(list(suite))
        assert int(suite.get("failures")) == sum(c.find("failure") is not None for c in cases)
        assert int(suite.get("skipped")) == sum(c.find("skipped") is not None for c in cases)
        assert suite.get("errors") == "0" and float(suite.get("time")) >= 0
        for case in cases:
            assert case.get("classname") and case.get("name") not in names
            names.add(case.get("name"))
            assert int(case.get("line")) >= 1 and float(case.get("time")) >= 0
            failure = case.find("failure")
            if failure is not None:
                assert case.get("file") and failure.get("type") in VERDICTS and failure.get("message")
                assert failure.text.startswith(f"{case.get('file')}:{case.get('line')}: ")
    assert int(root.get("tests")) == len(names)


def test_the_junit_xml_reads_back_in_the_expected_shape(book: Gradebook) -> None:
    text = render_junit(book)
    assert text.startswith("<?xml version='1.0' encoding='utf-8'?>")
    root = ET.fromstring(text)
    _check_shape(root)
    assert [s.get("name") for s in root] == ["is_subsequence", "top_n_words"]
    cases = {c.get("classname"): c for c in root.iter("testcase")}
    assert set(cases) == {"ann.is_subsequence", "ann.top_n_words", "bob.is_subsequence", "bob.top_n_words",
                          "b.ob.is_subsequence", "cy.top_n_words", "cy.is_subsequence"}

    accepted = cases["ann.is_subsequence"]
    assert accepted.find("failure") is None and accepted.get("time") == "2.250"
    assert accepted.get("file") == "/group/ann/is_subsequence.py" and accepted.get("line") == "1"
    assert accepted.find("system-out").text == "time: measured O(n^2), expected O(n) (worse than expected)"

    compiled = cases["ann.top_n_words"]
    assert compiled.get("line") == "4" and compiled.find("failure").get("type") == "compile_error"

    crashed = cases["bob.is_subsequence"]  # the innermost frame of the solution, not a line in its source
    assert crashed.get("line") == "7"
    text = crashed.find("failure").text
    assert text.startswith("/group/bob/is_subsequence.py:7: runtime error in category empty (test_x): IndexError")
    assert "smallest failing input:\nis_subsequence('', '')" in text

    judge_failed = cases["b.ob.is_subsequence"]  # a line of the judge's own code is no line of the solution
    assert judge_failed.get("line") == "1" and judge_failed.find("failure").get("type") == "internal_error"

    assert cases["cy.top_n_words"].find("skipped").get("message") == "not graded: the batch was stopped by SIGTERM"
    assert cases["cy.is_subsequence"].find("skipped") is not None and cases["cy.is_subsequence"].get("file") is None


def test_anything_a_solution_printed_is_escaped(book: Gradebook) -> None:
    failure = ET.fromstring(render_junit(book)).find(".//testcase[@classname='bob.top_n_words']/failure")
    shown = "<&>\"' ]]> \\x00\\x1b[31m \\ud800"
    assert shown in failure.get("message") and f"actual:   {shown}" in failure.text


def test_names_stay_unique_whatever_the_members_are_called() -> None:
    outcomes = [_outcome("a/b", "c", "accepted"), _outcome("a", "b/c", "accepted")]  # both "a/b/c"
    found = Discovery(ROOT, Roster(), ["a/b", "a"], ["c", "b/c"], [o.submission for o in outcomes])
    names = [c.get("name") for c in ET.fromstring(render_junit(build_gradebook(found, outcomes, {}))).iter("testcase")]
    assert len(set(names)) == 2


def test_xml_safe_keeps_what_xml_can_hold() -> None:
    assert xml_safe("tab\tnew\nline é 🙂") == "tab\tnew\nline é 🙂"
    assert xml_safe("\x07\ufffe") == "\\x07\\ufffe"


def test_the_junit_xml_is_valid_against_the_published_xsd(book: Gradebook) -> None:
    schema = xmlschema.XMLSchema(XSD)
    root = ET.fromstring(render_junit(book))
    for element in root.iter():  # the schema rejects our few extra attributes, and nothing else
        for name in BEYOND_XSD.get(element.tag, ()):
            element.attrib.pop(name, None)
    errors = list(schema.iter_errors(root))
    assert errors == [], [str(e) for e in errors[:3]]


def test_junitparser_reads_back_the_cells(book: Gradebook) -> None:
    xml = junitparser.JUnitXml.fromstring(render_junit(book))
    suites = {suite.name: suite for suite in xml}
    assert list(suites) == ["is_subsequence", "top_n_words"]
    assert (suites["top_n_words"].tests, suites["top_n_words"].failures, suites["top_n_words"].skipped) == (3, 2, 1)
    cases = {case.classname: case for suite in xml for case in suite}

    assert cases["ann.is_subsequence"].is_passed and cases["ann.is_subsequence"].time == 2.25
    assert "measured O(n^2)" in cases["ann.is_subsequence"].system_out
    [failure] = cases["bob.is_subsequence"].result
    assert isinstance(failure, junitparser.Failure) and failure.type == "runtime_error"
    assert failure.message.startswith("runtime error in category empty")
    assert failure.text.startswith("/group/bob/is_subsequence.py:7: ")
    assert cases["cy.top_n_words"].is_skipped and cases["b.ob.is_subsequence"].result[0].type == "internal_error"
