"""`--shard K/N` and `judge grade merge`: every cell in exactly one shard, the same on every
machine; merged shards equal one unsharded run; gradebooks of different gradings refused."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from judge.errors import UsageError
from judge.grade.shards import Shard, merge, parse_shard
from tests.conftest import PROBLEMS_ROOT

TIMINGS = {"duration_s", "time_ms", "memory_kb", "cached"}  # what two runs of one cell may differ in


def test_a_cell_is_in_exactly_one_shard_and_which_one_is_fixed() -> None:
    cells = [(f"member{m}", p) for m in range(30) for p in ("is_subsequence", "top_n_words", "roc_auc")]
    owners = {cell: [k for k in (1, 2, 3) if Shard(k, 3).holds(*cell)] for cell in cells}
    assert all(len(found) == 1 for found in owners.values())
    assert all(sum(found == [k] for found in owners.values()) >= 15 for k in (1, 2, 3))  # near a third each
    # sha256 of "alice/is_subsequence" and "bob/is_subsequence": the same on every machine and Python.
    assert Shard(3, 3).holds("alice", "is_subsequence") and Shard(1, 3).holds("ann", "is_subsequence")


@pytest.mark.parametrize("text", ["0/3", "4/3", "3", "a/b", "1/0", ""])
def test_a_malformed_shard_is_a_usage_error(text: str) -> None:
    with pytest.raises(UsageError, match="expected K/N"):
        parse_shard(text)


def _shard_book(tmp_path: Path, name: str, shard: str, **changes) -> Path:
    book = {"schema_version": 1, "judge_version": "0.1.0", "root": "/g", "tree": "abc",
            "settings": {"sandbox": "local", "seed": 0, "complexity": False, "jobs": 2, "cache": None,
                         "shard": shard},
            "complete": True, "interrupted_by": None, "members": ["ann"], "problems": ["is_subsequence"],
            "totals": [], "cells": [], "not_graded": [], "missing": [], "pending": []}
    for key, value in changes.items():
        if key in book["settings"]:
            book["settings"][key] = value
        else:
            book[key] = value
    path = tmp_path / name
    path.write_text(json.dumps(book))
    return path


@pytest.mark.parametrize("change, message", [
    ({"judge_version": "0.2.0"}, "judge_version differs"),
    ({"seed": 1}, "settings.seed differs"),
    ({"sandbox": "docker"}, "settings.sandbox differs"),
    ({"tree": "def"}, "tree (the files graded) differs"),
    ({"shard": "2/3"}, "the gradebooks split the cells in different ways"),
    ({"shard": "1/2"}, "shard 1/2 twice"),
])
def test_merge_refuses_gradebooks_of_different_gradings(tmp_path: Path, change: dict, message: str) -> None:
    first = _shard_book(tmp_path, "a.json", "1/2")
    second = _shard_book(tmp_path, "b.json", change.pop("shard", "2/2"), **change)
    with pytest.raises(UsageError, match=message.replace("(", r"\(").replace(")", r"\)")):
        merge([first, second])


def test_merge_refuses_a_missing_shard_and_what_is_no_shard(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="shards missing: 2/3"):
        merge([_shard_book(tmp_path, "a.json", "1/3"), _shard_book(tmp_path, "c.json", "3/3")])
    with pytest.raises(UsageError, match="not a shard's gradebook"):
        merge([_shard_book(tmp_path, "a.json", None)])
    (tmp_path / "x.json").write_text("[1]")
    with pytest.raises(UsageError, match="x.json: not a gradebook of schema version 1"):
        merge([tmp_path / "x.json"])


@pytest.fixture
def group() -> Iterator[Path]:
    """Outside /tmp (the box has a private /tmp); 3 members x 2 problems, a mix of verdicts."""
    folder = Path(tempfile.mkdtemp(prefix="judge-test-shards-", dir="/var/tmp"))
    os.chmod(folder, 0o755)
    reference = (PROBLEMS_ROOT / "is_subsequence" / "reference.py").read_text()
    wrong = (PROBLEMS_ROOT / "is_subsequence" / "corpus" / "ignores_order.py").read_text()
    files = {"ann/is_subsequence.py": reference, "ann/top_n_words.py": "def top_n_words(text, n)\n",
             "bob/is_subsequence.py": wrong, "bob/top_n_words.py": "",
             "cy/is_subsequence.py": reference, "cy/notes.py": "x = 1\n"}
    for relative, text in files.items():
        path = folder / relative
        path.parent.mkdir(exist_ok=True, mode=0o755)
        path.write_text(text)
        os.chmod(path, 0o644)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def _without_timings(value):
    if isinstance(value, dict):
        return {k: _without_timings(v) for k, v in value.items() if k not in TIMINGS}
    if isinstance(value, list):
        return [_without_timings(v) for v in value]
    return value


def _comparable(path: Path) -> dict:
    book = json.loads(path.read_text())
    book["settings"] = {k: v for k, v in book["settings"].items() if k not in ("jobs", "shard")}
    return _without_timings(book)


def test_shards_merged_equal_one_unsharded_run(run_cli, group: Path, tmp_path: Path) -> None:
    common = ("grade", str(group), "--sandbox", "local", "--no-complexity", "--no-cache")
    whole = run_cli(*common, "--jobs", "2", "--json", str(tmp_path / "whole.json"))
    assert whole.exit_code == 0, whole.stderr
    parts = []
    for k in (1, 2, 3):
        parts.append(tmp_path / f"shard{k}.json")
        done = run_cli(*common, "--jobs", "1", "--shard", f"{k}/3", "--json", str(parts[-1]))
        assert done.exit_code == 0, done.stderr
    assert all(json.loads(p.read_text())["cells"] for p in parts)  # each shard graded some of the 5 cells

    merged = run_cli("grade", "merge", *map(str, parts), "--json", str(tmp_path / "merged.json"),
                     "--junit", str(tmp_path / "merged.xml"))

    assert merged.exit_code == 0, merged.stderr
    merged_book, whole_book = _comparable(tmp_path / "merged.json"), _comparable(tmp_path / "whole.json")
    for mine, theirs in zip(merged_book["cells"], whole_book["cells"], strict=True):  # a readable difference first
        assert {k: v for k, v in mine.items() if theirs.get(k) != v} == {}, (mine["member"], mine["problem"])
    assert merged_book == whole_book
    assert (tmp_path / "merged.xml").read_text().count("<testcase") == 5
