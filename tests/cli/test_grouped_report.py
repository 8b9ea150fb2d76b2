"""The text report on real runs: one panel per distinct failure, --verbose for every case."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import PROBLEMS_ROOT, REPO

BUGGY_RESERVOIR = REPO / "examples" / "reservoir_sampling_buggy.py"
RETURNS_INT = PROBLEMS_ROOT / "is_subsequence" / "corpus" / "returns_int.py"


def _panels(stdout: str) -> int:
    return stdout.count("╭")


def _run(run_cli, slug: str, solution: Path, *flags: str):
    return run_cli("run", slug, "--solution", str(solution), "--sandbox", "local", "--no-complexity", *flags)


def test_the_off_by_one_reservoir_shows_each_failure_once(run_cli):
    grouped = _run(run_cli, "reservoir_sampling", BUGGY_RESERVOIR)
    assert grouped.exit_code == 1
    assert _panels(grouped.stdout) == 4  # min(k, n) items, k = 0, ten million items, large k
    assert "8 cases, one failure" in grouped.stdout
    assert "reservoir_sample(iter([0, 1]), 1, random.Random(0))" in grouped.stdout  # the smallest of the eight
    assert "uniform inclusion per position (3)" in grouped.stdout
    assert "11 failing cases, 4 distinct failures; --verbose shows every case." in grouped.stdout


def test_verbose_shows_every_failing_case(run_cli):
    verbose = _run(run_cli, "reservoir_sampling", BUGGY_RESERVOIR, "--verbose")
    assert _panels(verbose.stdout) == 11 and "--verbose shows" not in verbose.stdout


def test_an_answer_of_the_wrong_type_is_one_panel_with_the_empty_input(run_cli):
    result = _run(run_cli, "is_subsequence", RETURNS_INT)
    assert _panels(result.stdout) == 1
    assert result.stdout.count("is_subsequence('', '')") == 1
    assert "11 cases, one failure" in result.stdout


def test_the_untouched_starter_says_it_is_not_written_in_one_line(run_cli, tmp_path: Path):
    assert run_cli("init", "top_n_words").exit_code == 0
    result = run_cli("run", "top_n_words", "--sandbox", "local")
    assert result.exit_code == 3
    assert _panels(result.stdout) == 0 and "by edge-case category" not in result.stdout
    (line,) = [line for line in result.stdout.splitlines() if "Not written yet" in line]
    assert "solutions/top_n_words.py, line" in line and "NotImplementedError" in line
    assert len(result.stdout.splitlines()) <= 8


def test_most_common_ties_are_one_failure_plus_the_large_text_check(run_cli):
    solution = PROBLEMS_ROOT / "top_n_words" / "corpus" / "wa_most_common_ties.py"
    result = _run(run_cli, "top_n_words", solution)
    assert _panels(result.stdout) == 2  # "the result differs" (12 cases) and "pair #N differs" (2 cases)
    assert "top_n_words('b a', 1)" in result.stdout  # the smallest tie of all twelve
    assert "14 failing cases, 2 distinct failures" in result.stdout
