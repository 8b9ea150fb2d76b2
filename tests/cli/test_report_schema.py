"""The JSON report matches docs/report-schema.md exactly, for every verdict.

Each verdict comes from a real run (local sandbox) and is validated against
docs/report-schema.json; the JSON Schema and the Markdown tables must name the
same fields, so neither can drift from the other or from the reports.
"""

from __future__ import annotations

import io
import json
import re
import shutil
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner
from rich.console import Console

from judge.cli import cli
from judge.cli.environment import Environment
from judge.verdicts import Verdict
from tests.conftest import PROBLEMS_ROOT, REPO

SCHEMA = json.loads((REPO / "docs" / "report-schema.json").read_text())
CORPUS = PROBLEMS_ROOT / "is_subsequence" / "corpus"
REFERENCE = (PROBLEMS_ROOT / "is_subsequence" / "reference.py").read_text()

# Solutions written for a verdict (the corpus has the others).
WRITTEN = {
    "claims.py": "# time: O(n)\n# memory: O(fast)\n" + REFERENCE,
    "loops.py": "def is_subsequence(s, t):\n    while True:\n        pass\n",
    "hoards.py": "def is_subsequence(s, t):\n    return len(bytearray(2**34)) > 0\n",
    "shouts.py": "def is_subsequence(s, t):\n    print('x' * 1_000_000)\n    return True\n",
}

RUNS = [  # verdict, solution, judge run flags
    (Verdict.ACCEPTED, "claims.py", ()),  # with complexity and both kinds of claim
    (Verdict.WRONG_ANSWER, CORPUS / "ignores_order.py", ("--no-complexity",)),
    (Verdict.RUNTIME_ERROR, CORPUS / "recursive.py", ("--no-complexity",)),
    (Verdict.TIME_LIMIT_EXCEEDED, "loops.py", ("--no-complexity",)),
    (Verdict.MEMORY_LIMIT_EXCEEDED, "hoards.py", ("--no-complexity",)),
    (Verdict.OUTPUT_LIMIT_EXCEEDED, "shouts.py", ("--no-complexity",)),
    (Verdict.COMPILE_ERROR, CORPUS / "syntax_error.py", ()),
    (Verdict.FORBIDDEN_IMPORT, CORPUS / "numpy_import.py", ()),
    (Verdict.INTERNAL_ERROR, CORPUS / "iterator_all.py", ("--no-complexity",)),  # judged by a broken hidden test
]

BROKEN_TEST = '''

@category("a broken hidden test")
def test_the_hidden_test_itself_is_broken(solution):
    solution.is_subsequence("a", "a")
    raise KeyError("a bug of the hidden test, not of the solution")
'''


def test_every_verdict_has_a_run():
    assert {verdict for verdict, _, _ in RUNS} == set(Verdict)


@pytest.mark.parametrize(("verdict", "solution", "flags"), RUNS, ids=[v.value for v, _, _ in RUNS])
def test_a_real_report_of_each_verdict_matches_the_schema(verdict, solution, flags, tmp_path: Path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    if isinstance(solution, str):
        (tmp_path / solution).write_text(WRITTEN[solution])
    problems = _broken_problems(tmp_path) if verdict is Verdict.INTERNAL_ERROR else PROBLEMS_ROOT
    report = _judge(problems, tmp_path, "--solution", str(solution), *flags)
    assert report["verdict"] == verdict.value
    jsonschema.validate(report, SCHEMA)
    if verdict is Verdict.ACCEPTED:  # the optional parts the schema describes were really there
        assert report["complexity"]["time"]["claim"]["verdict"] == "agrees"
        assert report["complexity"]["memory"]["claim"]["verdict"] == "unreadable"
    if verdict is Verdict.TIME_LIMIT_EXCEEDED:
        assert report["not_run"] is not None


def test_a_report_off_the_schema_is_caught():
    """The schema is strict enough to notice an extra, a missing or a mistyped field."""
    case = {"name": "t", "category": "c", "verdict": "accepted", "counterexample": None, "expected": None,
            "actual": None, "message": "", "traceback": [], "time_ms": 1.0, "memory_kb": None}
    validator = jsonschema.Draft202012Validator({"$defs": SCHEMA["$defs"], "$ref": "#/$defs/case"})
    assert validator.is_valid(case)
    for broken in (case | {"extra": 1}, {k: v for k, v in case.items() if k != "memory_kb"}, case | {"time_ms": "1"},
                   case | {"verdict": "wrong_answer"}):  # the last: a failing case without a message
        assert not validator.is_valid(broken), broken


# The Markdown sections and the part of the JSON Schema each documents.
SECTIONS = {
    "The report (top level)": SCHEMA,
    "`sandbox`": SCHEMA["$defs"]["sandbox"],
    "Each case": SCHEMA["$defs"]["case"],
    "`not_run`": SCHEMA["$defs"]["not_run"],
    "`output`": SCHEMA["$defs"]["output"],
    "`complexity`": SCHEMA["$defs"]["complexity"],
    "Each axis": SCHEMA["$defs"]["axis"],
    "Each point": SCHEMA["$defs"]["point"],
    "`claim`": SCHEMA["$defs"]["claim"],
}


def test_the_markdown_tables_and_the_json_schema_name_the_same_fields():
    documented = _documented_fields((REPO / "docs" / "report-schema.md").read_text())
    for heading, node in SECTIONS.items():
        (title,) = [title for title in documented if title.startswith(heading)]
        assert documented[title] == list(node["properties"]), heading
        assert set(node["required"]) == set(node["properties"]), f"{heading}: every field is always present"
    assert len(documented) == len(SECTIONS)


def _documented_fields(markdown: str) -> dict[str, list[str]]:
    """Section title -> the fields its table names, in order."""
    fields: dict[str, list[str]] = {}
    for section in re.split(r"(?m)^## ", markdown)[1:]:
        title, _, body = section.partition("\n")
        names = re.findall(r"(?m)^\| `([a-z_]+)` \|", body)
        if names:
            fields[title.strip()] = names
    return fields


def _judge(problems: Path, tmp_path: Path, *args: str) -> dict:
    out = io.StringIO()
    env = Environment(stdout=Console(file=out, width=120, color_system=None), stderr=Console(file=io.StringIO()),
                      data_dir=tmp_path / "data", problems_root=problems)
    result = CliRunner().invoke(cli, ["run", "is_subsequence", "--sandbox", "local", "--format", "json", *args],
                                obj=env, catch_exceptions=False)
    return json.loads(out.getvalue() + result.output)  # off a terminal the JSON goes through click.echo


def _broken_problems(tmp_path: Path) -> Path:
    """A copy of is_subsequence whose hidden tests include one that is itself broken."""
    root = tmp_path / "problems"
    shutil.copytree(PROBLEMS_ROOT / "is_subsequence", root / "is_subsequence",
                    ignore=shutil.ignore_patterns("corpus", "__pycache__"))
    with (root / "is_subsequence" / "hidden_tests.py").open("a") as tests:
        tests.write(BROKEN_TEST)
    return root
