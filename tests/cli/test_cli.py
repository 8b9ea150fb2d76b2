"""The CLI as a user meets it: commands, exit codes, clean errors, JSON on stdout only."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import PROBLEMS_ROOT

CORPUS = PROBLEMS_ROOT / "is_subsequence" / "corpus"


def test_list_shows_problems_with_difficulty(run_cli):
    result = run_cli("list")
    assert result.exit_code == 0
    assert "is_subsequence" in result.stdout and "easy" in result.stdout


def test_show_renders_the_statement_and_limits(run_cli):
    result = run_cli("show", "is_subsequence")
    assert result.exit_code == 0
    assert "Is Subsequence" in result.stdout
    assert "2 s CPU per call" in result.stdout


def test_unknown_slug_is_a_usage_error_listing_valid_ones(run_cli):
    result = run_cli("show", "is_subsequenc")
    assert result.exit_code == 2
    assert "unknown problem 'is_subsequenc'" in result.stderr
    assert "is_subsequence" in result.stderr.split("Valid problems:")[1]


def test_init_copies_the_starter_and_never_overwrites(run_cli, tmp_path: Path):
    assert run_cli("init", "is_subsequence").exit_code == 0
    target = tmp_path / "solutions" / "is_subsequence.py"
    assert "def is_subsequence" in target.read_text()
    target.write_text("# my work\n")
    refused = run_cli("init", "is_subsequence")
    assert refused.exit_code == 2 and "--force" in refused.stderr
    assert target.read_text() == "# my work\n"
    assert run_cli("init", "is_subsequence", "--force").exit_code == 0
    assert "def is_subsequence" in target.read_text()


def test_run_without_a_solution_file_says_how_to_make_one(run_cli):
    result = run_cli("run", "is_subsequence", "--sandbox", "local")
    assert result.exit_code == 2
    assert "no solution file at solutions/is_subsequence.py" in result.stderr
    assert "judge init is_subsequence" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def _run_json(run_cli, solution: Path) -> tuple[int, dict]:
    result = run_cli("run", "is_subsequence", "--solution", str(solution), "--sandbox", "local",
                     "--format", "json", "--no-complexity")
    return result.exit_code, json.loads(result.stdout)


def test_json_report_has_the_documented_fields(run_cli):
    code, report = _run_json(run_cli, CORPUS / "ignores_order.py")
    assert code == 1
    assert report["schema_version"] == 1 and report["verdict"] == "wrong_answer"
    for key in ("problem", "solution", "sandbox", "seed", "duration_s", "cases", "complexity", "output"):
        assert key in report
    assert report["sandbox"]["backend"] == "local" and "enforced" in report["sandbox"]
    failing = [c for c in report["cases"] if c["verdict"] == "wrong_answer"]
    assert failing, "a wrong solution must have failing cases"
    for key in ("name", "category", "counterexample", "expected", "actual", "message", "time_ms", "memory_kb"):
        assert key in failing[0]
    # Hypothesis shrinks to a two-character witness of the ordering bug.
    assert any(c["counterexample"] in ("is_subsequence('ab', 'ba')", "is_subsequence('ba', 'ab')") for c in failing)


def test_debug_prints_are_captured_and_do_not_break_json(run_cli):
    code, report = _run_json(run_cli, CORPUS / "debug_prints.py")
    assert code == 0 and report["verdict"] == "accepted"
    assert "checking" in report["output"]["stdout"]


@pytest.mark.parametrize(
    ("solution", "code"),
    [("syntax_error.py", 7), ("numpy_import.py", 8), ("recursive.py", 3), ("camel_case_name.py", 7)],
)
def test_exit_codes_follow_the_verdict(run_cli, solution: str, code: int):
    exit_code, report = _run_json(run_cli, CORPUS / solution)
    assert exit_code == code


def test_compile_error_names_file_and_line(run_cli):
    _, report = _run_json(run_cli, CORPUS / "syntax_error.py")
    assert report["verdict"] == "compile_error"
    assert "syntax_error.py, line 5" in report["message"]


def test_missing_entry_point_suggests_the_close_name(run_cli):
    _, report = _run_json(run_cli, CORPUS / "camel_case_name.py")
    assert "no top-level function named 'is_subsequence'" in report["message"]
    assert "did you mean 'isSubsequence' at line 5?" in report["message"]


def test_text_report_shows_the_shrunk_counterexample(run_cli):
    result = run_cli("run", "is_subsequence", "--solution", str(CORPUS / "reuses_characters.py"),
                     "--sandbox", "local", "--no-complexity")
    assert result.exit_code == 1
    assert "WRONG ANSWER" in result.stdout
    assert "smallest failing input" in result.stdout
    assert "is_subsequence('aa', 'a')" in result.stdout


def test_run_records_the_last_verdict_for_list(run_cli):
    run_cli("run", "is_subsequence", "--solution", str(CORPUS / "iterator_all.py"), "--sandbox", "local",
            "--no-complexity")
    listing = run_cli("list").stdout
    row = next(line for line in listing.splitlines() if "is_subsequence" in line)
    assert "accepted" in row


def test_malformed_problem_toml_names_file_and_key(run_cli, tmp_path: Path, monkeypatch):
    root = tmp_path / "problems"
    broken = root / "broken"
    broken.mkdir(parents=True)
    (broken / "problem.toml").write_text('title = "x"\ndifficulty = "impossible"\n')
    monkeypatch.setenv("JUDGE_PROBLEMS", str(root))
    from judge.errors import ProblemConfigError
    from judge.problems.loader import load_problem

    with pytest.raises(ProblemConfigError) as error:
        load_problem(broken)
    assert "problem.toml" in str(error.value) and "'difficulty'" in str(error.value)
    assert "one of easy, medium, hard" in str(error.value)


def test_a_run_writes_nothing_in_the_working_directory(tmp_path: Path):
    """Hypothesis's storage (its cache of the hidden tests' constants) goes to a private
    temporary folder: the user's folder ends the run exactly as it began."""
    solution = tmp_path / "solution.py"
    solution.write_text((PROBLEMS_ROOT / "is_subsequence" / "reference.py").read_text())
    env = {**os.environ, "JUDGE_PROBLEMS": str(PROBLEMS_ROOT), "JUDGE_HOME": str(tmp_path.parent / "judge-home")}
    done = subprocess.run([sys.executable, "-m", "judge", "run", "is_subsequence", "--solution", "solution.py",
                           "--sandbox", "local"], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["solution.py"]


def test_the_version_is_shown_and_in_every_json_report(run_cli):
    from judge import __version__

    for flag in ("-V", "--version"):
        result = run_cli(flag)
        assert result.exit_code == 0 and __version__ in result.stdout
    _code, report = _run_json(run_cli, PROBLEMS_ROOT / "is_subsequence" / "reference.py")
    assert report["judge_version"] == __version__


def test_init_into_a_file_is_a_usage_error(run_cli, tmp_path: Path):
    (tmp_path / "taken").write_text("not a folder\n")
    result = run_cli("init", "top_n_words", "--dir", "taken")
    assert result.exit_code == 2 and "--dir must be a folder you can write" in result.stderr


def test_a_malformed_history_does_not_break_list(run_cli, tmp_path: Path):
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "history.json").write_text('{"top_n_words": 5, "is_subsequence": {"verdict": "accepted"}}')
    result = run_cli("list")
    assert result.exit_code == 0 and "top_n_words" in result.stdout and "accepted" in result.stdout


def test_plot_into_a_folder_is_refused_before_the_run(run_cli, tmp_path: Path):
    result = run_cli("run", "is_subsequence", "--solution", str(PROBLEMS_ROOT / "is_subsequence" / "reference.py"),
                     "--sandbox", "local", "--plot", str(tmp_path))
    assert result.exit_code == 2 and "is a folder" in result.stderr
    assert "hidden tests" not in result.stdout  # refused before anything ran


def test_a_compile_error_says_nothing_ran_and_stderr_stays_empty(run_cli):
    result = run_cli("run", "is_subsequence", "--solution", str(CORPUS / "syntax_error.py"), "--sandbox", "local")
    assert result.exit_code == 7
    assert "no hidden test ran" in result.stdout and "--seed" not in result.stdout
    assert "not started: nothing ran" in result.stdout
    assert result.stderr == ""  # no progress bar's leftovers off a terminal


def test_a_timed_out_case_shows_the_cpu_time_it_used(run_cli, tmp_path: Path):
    solution = tmp_path / "loops.py"
    solution.write_text("def is_subsequence(s, t):\n    while True:\n        pass\n")
    result = run_cli("run", "is_subsequence", "--solution", str(solution), "--sandbox", "local", "--format", "json",
                     "--no-complexity")
    report = json.loads(result.stdout)
    timed_out = [c for c in report["cases"] if c["verdict"] == "time_limit_exceeded"]
    assert timed_out and timed_out[0]["time_ms"] >= 1500  # the kernel's figure, not the worker's missing one


def test_a_json_report_made_before_the_sandbox_started_has_the_same_shape(run_cli):
    code, report = _run_json(run_cli, CORPUS / "syntax_error.py")
    assert code == 7
    assert report["sandbox"]["enforced"] == {} and "nothing ran" in report["sandbox"]["notes"][0]


def test_list_never_cuts_a_slug_at_80_columns(problems, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    from click.testing import CliRunner
    from rich.console import Console

    from judge.cli import cli
    from judge.cli.environment import Environment

    monkeypatch.chdir(tmp_path)
    out = io.StringIO()
    env = Environment(stdout=Console(file=out, width=80, color_system=None), stderr=Console(file=io.StringIO()),
                      data_dir=tmp_path / "data", problems_root=PROBLEMS_ROOT)
    assert CliRunner().invoke(cli, ["list"], obj=env).exit_code == 0
    listed = out.getvalue()
    assert max(len(line) for line in listed.splitlines()) <= 80
    for slug in problems.slugs():
        assert slug in listed, f"{slug} was cut"


def test_a_leetcode_class_solution_is_a_compile_error_before_anything_runs(run_cli, tmp_path: Path):
    solution = tmp_path / "leetcode.py"
    solution.write_text("class Solution:\n    def is_subsequence(self, s: str, t: str) -> bool:\n"
                        "        it = iter(t)\n        return all(c in it for c in s)\n")
    result = run_cli("run", "is_subsequence", "--solution", str(solution), "--sandbox", "local")
    assert result.exit_code == 7
    assert "is inside class Solution" in result.stdout and "no hidden test ran" in result.stdout
