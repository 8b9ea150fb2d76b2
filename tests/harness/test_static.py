"""Static checks on the source: compile errors and forbidden imports with file and line."""

from pathlib import Path

import pytest

from judge.errors import UsageError
from judge.harness.static import inspect_solution
from judge.verdicts import Verdict


def _check(problems, tmp_path: Path, source: str, slug: str = "is_subsequence"):
    path = tmp_path / "solution.py"
    path.write_text(source)
    return inspect_solution(path, problems.get(slug))


def test_clean_solution_passes(problems, tmp_path):
    assert _check(problems, tmp_path, "import collections\ndef is_subsequence(s, t):\n    return True\n") is None


def test_syntax_error_has_line_and_column(problems, tmp_path):
    finding = _check(problems, tmp_path, "def is_subsequence(s, t):\n    return (\n")
    assert finding.verdict is Verdict.COMPILE_ERROR and "line 2" in finding.message


@pytest.mark.parametrize("line", ["import sklearn", "from scipy import stats", "import numpy.linalg as la"])
def test_third_party_import_is_forbidden_with_its_line(problems, tmp_path, line):
    finding = _check(problems, tmp_path, f"\n\n{line}\ndef is_subsequence(s, t):\n    return True\n")
    assert finding.verdict is Verdict.FORBIDDEN_IMPORT and "line 3" in finding.message


def test_import_inside_a_function_is_still_seen(problems, tmp_path):
    finding = _check(problems, tmp_path, "def is_subsequence(s, t):\n    import pandas\n    return True\n")
    assert finding.verdict is Verdict.FORBIDDEN_IMPORT


def test_missing_file_is_a_usage_error(problems, tmp_path):
    with pytest.raises(UsageError, match="no solution file"):
        inspect_solution(tmp_path / "nope.py", problems.get("is_subsequence"))


def test_a_leetcode_style_class_solution_is_a_compile_error_with_a_hint(problems, tmp_path):
    source = "class Solution:\n    def is_subsequence(self, s, t):\n        return True\n"
    finding = _check(problems, tmp_path, source)
    assert finding.verdict is Verdict.COMPILE_ERROR
    assert "line 2 is inside class Solution" in finding.message and "module level" in finding.message


def test_definitions_in_module_level_blocks_count(problems, tmp_path):
    source = "try:\n    import fastthing\nexcept ImportError:\n    def is_subsequence(s, t):\n        return True\n"
    assert _check(problems, tmp_path, source.replace("fastthing", "json")) is None


def test_a_byte_order_mark_is_valid_python(problems, tmp_path):
    path = tmp_path / "solution.py"
    path.write_bytes("\ufeffdef is_subsequence(s, t):\n    return True\n".encode("utf-8"))
    assert inspect_solution(path, problems.get("is_subsequence")) is None


def test_the_class_solution_hint_gives_the_one_line_adapter_and_the_adapter_passes(problems, tmp_path):
    source = "class Solution:\n    def is_subsequence(self, s, t):\n        return True\n"
    finding = _check(problems, tmp_path, source)
    assert "add `is_subsequence = Solution().is_subsequence` after the class" in finding.message
    assert _check(problems, tmp_path, source + "\n\nis_subsequence = Solution().is_subsequence\n") is None


def test_a_definition_nested_in_a_function_is_a_compile_error_naming_it(problems, tmp_path):
    source = "def helpers():\n    def is_subsequence(s, t):\n        return True\n    return is_subsequence\n"
    finding = _check(problems, tmp_path, source)
    assert finding.verdict is Verdict.COMPILE_ERROR
    assert "'is_subsequence' at line 2 is inside function helpers: define it at module level" in finding.message


def test_a_class_problem_entry_point_nested_in_another_class_is_a_compile_error(problems, tmp_path):
    source = "class Models:\n    class TrigramModel:\n        pass\n"
    finding = _check(problems, tmp_path, source, slug="trigram_predictor")
    assert finding.verdict is Verdict.COMPILE_ERROR
    assert "no top-level class named 'TrigramModel'" in finding.message and "inside class Models" in finding.message


def test_a_definition_only_under_if_main_does_not_count(problems, tmp_path):
    source = 'if __name__ == "__main__":\n    def is_subsequence(s, t):\n        return True\n'
    finding = _check(problems, tmp_path, source)
    assert finding.verdict is Verdict.COMPILE_ERROR
    assert "never runs when the judge imports your file" in finding.message
