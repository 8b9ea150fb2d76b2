"""`judge problem check` on deliberately broken copies of a real problem: each fault reported precisely.

The full pass over every real problem is in test_corpora.py (slow).
"""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from rich.console import Console

from judge.authoring.check import Checker, CorpusEntry, check_declaration, check_spec
from judge.cli import cli
from judge.cli.environment import Environment
from judge.problems.loader import load_problem
from judge.sandbox.local import LocalBackend
from judge.verdicts import Verdict
from tests.conftest import PROBLEMS_ROOT

SLUG = "is_subsequence"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A copy of is_subsequence without its corpus, in a problems folder of its own, quick to judge."""
    copy = tmp_path / "problems" / SLUG
    shutil.copytree(PROBLEMS_ROOT / SLUG, copy, ignore=shutil.ignore_patterns("corpus", "__pycache__"))
    (copy / "corpus").mkdir()
    _replace(copy / "problem.toml", "max_examples = 150", "max_examples = 5")  # the checks, not the problem, on trial
    return copy


def _judge_cli(folder: Path, *args: str) -> tuple[int, str]:
    """`judge ARGS` in-process, with the problems of `folder`'s parent."""
    out = io.StringIO()
    console = Console(file=out, width=1000, color_system=None)  # long tmp paths stay on one line
    env = Environment(stdout=console, stderr=console, data_dir=folder.parent.parent / "data",
                      problems_root=folder.parent)
    result = CliRunner().invoke(cli, list(args), obj=env)
    return result.exit_code, out.getvalue() + result.output


def _check_cli(folder: Path, *args: str) -> tuple[int, str]:
    return _judge_cli(folder, "problem", "check", SLUG, "--sandbox", "local", *args)


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text, f"{path} no longer holds {old!r}: update the test"
    path.write_text(text.replace(old, new, 1))


def test_an_unknown_toml_key_names_file_line_and_key_and_the_problem_is_malformed(folder: Path):
    _replace(folder / "problem.toml", "memory_mb = ", "memory_mib = ")
    line = next(i for i, text in enumerate((folder / "problem.toml").read_text().splitlines(), 1)
                if text.startswith("memory_mib"))

    code, out = _check_cli(folder, "--quick")

    assert code == 10
    assert f"✗ problem.toml: {folder / 'problem.toml'}, line {line}: unknown key 'limits.memory_mib'" in out
    assert "did you mean 'limits.memory_mb'?" in out
    assert "is_subsequence: malformed, 0 of 1 checks passed" in out
    assert "Traceback" not in out


def test_a_starter_that_does_not_compile_fails_its_check_and_the_rest_pass(folder: Path):
    (folder / "starter.py").write_text("def is_subsequence(s, t)\n    raise NotImplementedError\n")

    code, out = _check_cli(folder, "--quick")

    assert code == 1, out
    assert "✗ starter.py: does not compile: line 1: expected ':'" in out
    for passed in ("problem.toml", "spec.md", "hints.md", "complexity.py", "reference.py"):
        assert f"✓ {passed}: " in out
    assert "is_subsequence: failed, 5 of 6 checks passed" in out


def test_a_sound_problem_passes_quick_and_exits_0(folder: Path):
    code, out = _check_cli(folder, "--quick")
    assert code == 0, out
    assert "✓ starter.py: compiles and is rejected politely (runtime_error)" in out


def test_a_reference_failing_its_own_tests_is_reported_with_the_failing_case(folder: Path):
    # Forgets the type check: the "type errors" tests expect a TypeError the reference never raises.
    _replace(folder / "reference.py", "raise TypeError", "return False  # TypeError")

    check = Checker(LocalBackend()).check_reference(load_problem(folder))

    assert not check.passed and not check.malformed
    assert check.detail.startswith("fails its own hidden tests: test_non_str_")
    assert "wrong_answer" in check.detail


@pytest.mark.parametrize("jobs", [1, 2], ids=["in-process", "side-by-side"])
def test_corpus_files_get_their_verdicts_checked_and_a_disagreement_names_both(folder: Path, jobs: int):
    reference = (folder / "reference.py").read_text()
    (folder / "corpus" / "claims_wrong.py").write_text(
        "# expect: wrong_answer\n# why: said to be wrong, but it is the reference\n" + reference)
    (folder / "corpus" / "ok_reference.py").write_text("# expect: accepted\n# why: the reference\n" + reference)
    (folder / "corpus" / "no_header.py").write_text(reference)
    found = []

    Checker(LocalBackend(), jobs=jobs, on_check=found.append).check_corpus(load_problem(folder))

    by_subject = {check.subject: check for check in found}
    assert sorted(by_subject) == ["corpus/claims_wrong.py", "corpus/no_header.py", "corpus/ok_reference.py"]
    assert by_subject["corpus/ok_reference.py"].passed
    assert by_subject["corpus/claims_wrong.py"].detail == "expected wrong_answer, got accepted: accepted"
    assert by_subject["corpus/no_header.py"].detail == "line 1 must be '# expect: <verdict>'"
    assert not any(check.malformed for check in found)


@pytest.mark.parametrize(("header", "problem"), [
    ("# why: no expect line\n", "line 1 must be '# expect: <verdict>'"),
    ("# expect: accepted\n", "line 2 must be '# why: <what this solution does>'"),
    ("# expect: acepted\n# why: typo\n", "line 1: unknown verdict 'acepted'"),
])
def test_a_corpus_header_that_cannot_be_read_says_which_line(folder: Path, header: str, problem: str):
    path = folder / "corpus" / "bad_header.py"
    path.write_text(header + "def is_subsequence(s, t):\n    return True\n")
    entry = CorpusEntry.read(path)
    assert entry.expected is None and entry.header_problem.startswith(problem)


def test_corpus_headers_carry_verdict_and_stated_classes(folder: Path):
    path = folder / "corpus" / "slow.py"
    path.write_text("# expect: time_limit_exceeded\n# why: copies t\n# time: O(n^2)\n# memory: O(n)\n")
    entry = CorpusEntry.read(path)
    assert entry.expected is Verdict.TIME_LIMIT_EXCEEDED
    assert {axis: claim.complexity.label for axis, claim in entry.claims.items()} == {"time": "O(n^2)",
                                                                                     "memory": "O(n)"}


def test_a_complexity_py_that_breaks_at_some_size_names_the_size(folder: Path):
    _replace(folder / "complexity.py", "    t = rng.randbytes(n)",
             "    if n > 4096:\n        raise ValueError('no room')\n    t = rng.randbytes(n)")

    check = check_declaration(load_problem(folder))

    assert not check.passed and check.malformed
    assert check.detail == "build(8192, rng) raised ValueError: no room"


def test_a_complexity_py_that_calls_another_function_is_caught(folder: Path):
    _replace(folder / "complexity.py", 'Call("is_subsequence"', 'Call("is_subseq"')
    check = check_declaration(load_problem(folder))
    assert not check.passed
    assert check.detail == "build(256, rng): calls 'is_subseq', but the entry point is 'is_subsequence'"


def test_a_complexity_py_that_does_not_import_is_malformed(folder: Path):
    (folder / "complexity.py").write_text("import no_such_module\n")
    check = check_declaration(load_problem(folder))
    assert check.malformed and "import failed: ModuleNotFoundError" in check.detail


def test_an_empty_spec_fails(folder: Path):
    (folder / "spec.md").write_text("\n")
    check = check_spec(load_problem(folder))
    assert not check.passed and check.detail.startswith("missing or empty")


def test_several_problems_one_malformed_exits_10_and_the_summary_names_it(folder: Path):
    broken = folder.parent / "broken_copy"
    shutil.copytree(folder, broken)
    _replace(broken / "problem.toml", 'kind = "function"', 'kind = "procedure"')

    code, out = _judge_cli(folder, "problem", "check", "--sandbox", "local", "--quick")

    assert code == 10, out
    assert "key 'kind' must be one of function, class (got 'procedure')" in out
    assert "2 problems checked: 1 passed, 1 failed (broken_copy)" in out


def test_an_unknown_slug_is_a_usage_error_listing_the_valid_ones(folder: Path):
    code, out = _judge_cli(folder, "problem", "check", "is_subseq")
    assert code == 2 and "unknown problem 'is_subseq'. Valid problems: is_subsequence." in out
