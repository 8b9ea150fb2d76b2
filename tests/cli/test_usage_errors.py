"""Ordinary mistakes are usage errors: exit 2, one line on stderr, nothing judged in vain."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import PROBLEMS_ROOT

REFERENCE = PROBLEMS_ROOT / "is_subsequence" / "reference.py"
SYNTAX_ERROR = PROBLEMS_ROOT / "is_subsequence" / "corpus" / "syntax_error.py"


def _one_line_usage_error(result) -> str:
    assert result.exit_code == 2, result.stdout + result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    return lines[0]


@pytest.mark.parametrize("folder", ["/proc/judge-here", "/proc", "/dev/null"])
def test_init_into_a_folder_that_cannot_be_written(run_cli, folder: str):
    line = _one_line_usage_error(run_cli("init", "top_n_words", "--dir", folder))
    assert "--dir must be a folder you can write" in line


def test_run_a_folder_names_the_file_it_wants(run_cli, tmp_path: Path):
    line = _one_line_usage_error(run_cli("run", "is_subsequence", "--solution", str(tmp_path), "--sandbox", "local"))
    assert "is a folder" in line and "is_subsequence.py" in line


def test_run_something_that_is_not_a_file(run_cli):
    line = _one_line_usage_error(run_cli("run", "is_subsequence", "--solution", "/dev/null", "--sandbox", "local"))
    assert "not a regular file: /dev/null" in line


def test_run_a_file_that_is_not_utf8(run_cli, tmp_path: Path):
    (tmp_path / "latin1.py").write_bytes("# café\ndef is_subsequence(s, t):\n    return True\n".encode("latin-1"))
    line = _one_line_usage_error(run_cli("run", "is_subsequence", "--solution", "latin1.py", "--sandbox", "local"))
    assert "is not UTF-8 text" in line


def test_a_plot_that_cannot_be_written_is_refused_before_the_run(run_cli):
    result = run_cli("run", "is_subsequence", "--solution", str(REFERENCE), "--sandbox", "local",
                     "--plot", "/proc/complexity.png")
    assert "cannot write there" in _one_line_usage_error(result)
    assert "hidden tests" not in result.stdout


def test_the_plot_probe_leaves_nothing_and_a_run_without_complexity_says_so(run_cli, tmp_path: Path):
    result = run_cli("run", "is_subsequence", "--solution", str(SYNTAX_ERROR), "--sandbox", "local",
                     "--plot", "plot.png")
    assert result.exit_code == 7 and "COMPILE ERROR" in result.stdout  # the report is shown
    assert not (tmp_path / "plot.png").exists()
    assert "nothing written to plot.png: the complexity was not measured" in result.stderr


def test_a_byte_order_mark_is_judged_like_any_file(run_cli, tmp_path: Path):
    (tmp_path / "bom.py").write_bytes(b"\xef\xbb\xbf" + REFERENCE.read_bytes())
    result = run_cli("run", "is_subsequence", "--solution", "bom.py", "--sandbox", "local", "--no-complexity")
    assert result.exit_code == 0 and "ACCEPTED" in result.stdout


@pytest.mark.parametrize(("content", "why"), [
    ('{"top_n_words": 5}', "1 of its 1 entries is not a verdict"),
    ("[1, 2, 3]", "it is not a judge history"),
    ("{not json", "it is not a judge history"),
])
def test_a_foreign_or_corrupt_history_is_set_aside_with_one_warning(run_cli, tmp_path: Path, content: str, why: str):
    history = tmp_path / "data" / "history.json"
    history.parent.mkdir()
    history.write_text(content)
    listing = run_cli("list")
    assert listing.exit_code == 0 and "top_n_words" in listing.stdout
    (warning,) = listing.stderr.strip().splitlines()
    assert warning.startswith("warning: ") and why in warning and "moved to history.json." in warning
    (aside,) = history.parent.glob("history.json.*.bad")
    assert aside.read_text() == content  # the user's file is kept, untouched
    again = run_cli("list")
    assert again.exit_code == 0 and again.stderr == ""  # said once


def test_a_run_after_a_corrupt_history_records_afresh(run_cli, tmp_path: Path):
    history = tmp_path / "data" / "history.json"
    history.parent.mkdir()
    history.write_text('{"top_n_words": 5, "is_subsequence": {"verdict": "wrong_answer"}}')
    run_cli("run", "is_subsequence", "--solution", str(REFERENCE), "--sandbox", "local", "--no-complexity")
    recorded = json.loads(history.read_text())
    assert set(recorded) == {"is_subsequence"} and recorded["is_subsequence"]["verdict"] == "accepted"
