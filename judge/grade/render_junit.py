"""The gradebook as JUnit XML, in the shape GitLab's unit test reports and GitHub's
JUnit report actions read (docs/grading.md).

One <testsuite> per problem (a column of the gradebook), one <testcase> per
cell with classname "<member>.<slug>". Every verdict but accepted is a
<failure>; a cell not judged because the batch was stopped, or assigned with
no file, is <skipped>. Built with ElementTree so escaping is its business;
characters XML 1.0 cannot carry at all (a solution may print any byte) are
written as \\xNN first.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from judge.grade.gradebook import Cell, Gradebook
from judge.grade.render_where import complexity_lines, display_path, failing_line, failure_message

MESSAGE_ATTR_MAX = 1000  # the attribute is a title; the whole story is in the element's text
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_safe(text: str) -> str:
    """Text XML 1.0 can hold: each forbidden character shown as its \\x escape."""
    return _NOT_XML.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 256 else
                        f"\\u{ord(m.group()):04x}", text)


def render_junit(book: Gradebook) -> str:
    root = ET.Element("testsuites", name="judge grade")
    names: set[str] = set()
    for problem in book.problems:
        suite = ET.SubElement(root, "testsuite", name=problem)
        for cell in (c for c in book.cells if c.problem == problem):
            _add_cell(suite, cell, names)
        for item in book.pending:
            if item["problem"] == problem:
                _add_skipped(suite, item["member"], problem, item["solution"], names,
                             f"not graded: the batch was stopped by {book.interrupted_by}")
        for item in book.missing:
            if item["problem"] == problem:
                _add_skipped(suite, item["member"], problem, "", names, "assigned, and no file was found")
        _count(suite)
    _count(root)
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"


def _unique(names: set[str], wanted: str) -> str:
    """A testcase name no other testcase of the file has (member names may hold any character)."""
    name, n = wanted, 1
    while name in names:
        n += 1
        name = f"{wanted} #{n}"
    names.add(name)
    return name


def _testcase(suite: ET.Element, member: str, problem: str, path: str, names: set[str]) -> ET.Element:
    case = ET.SubElement(suite, "testcase", classname=xml_safe(f"{member}.{problem}"),
                         name=xml_safe(_unique(names, f"{member}/{problem}")))
    if path:  # a missing cell has no file
        case.set("file", xml_safe(display_path(path)))
    return case


def _add_cell(suite: ET.Element, cell: Cell, names: set[str]) -> None:
    case = _testcase(suite, cell.member, cell.problem, cell.solution, names)
    case.set("line", str(failing_line(cell)))
    case.set("time", f"{cell.duration_s:.3f}")
    if not cell.accepted:
        message = failure_message(cell)
        failure = ET.SubElement(case, "failure", type=cell.verdict, message=xml_safe(message[:MESSAGE_ATTR_MAX]))
        failure.text = xml_safe(_failure_text(cell, message))
    out = complexity_lines(cell)
    if out:
        ET.SubElement(case, "system-out").text = xml_safe("\n".join(out))


def _failure_text(cell: Cell, message: str) -> str:
    """`path:line: message` first (GitLab shows only the text), then each smallest failing input."""
    parts = [f"{display_path(cell.solution)}:{failing_line(cell)}: {message}",
             f"points {cell.points:g}/{cell.max_points:g}, categories passed "
             f"{cell.categories_passed}/{cell.categories_total}"]
    for failure in cell.failures:
        parts.append(f"\n[{failure.category}] {failure.test}: {failure.verdict}: {failure.message}")
        if failure.counterexample:
            parts.append(f"smallest failing input:\n{failure.counterexample}")
        if failure.expected is not None or failure.actual is not None:
            parts.append(f"expected: {failure.expected}\nactual:   {failure.actual}")
    return "\n".join(parts) + "\n"


def _add_skipped(suite: ET.Element, member: str, problem: str, path: str, names: set[str], why: str) -> None:
    case = _testcase(suite, member, problem, path, names)
    case.set("line", "1")
    case.set("time", "0")
    ET.SubElement(case, "skipped", message=xml_safe(why))


def _count(element: ET.Element) -> None:
    """tests, failures, errors, skipped and time of a suite (or of all suites): readers show them."""
    cases = list(element.iter("testcase"))
    element.set("tests", str(len(cases)))
    element.set("failures", str(sum(c.find("failure") is not None for c in cases)))
    element.set("errors", "0")
    element.set("skipped", str(sum(c.find("skipped") is not None for c in cases)))
    element.set("time", f"{sum(float(c.get('time', '0')) for c in cases):.3f}")
