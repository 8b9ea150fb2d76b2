"""`judge grade` for real on the local sandbox: a small batch end to end, and SIGTERM mid-batch."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import uuid
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest

from judge.sandbox.local import probe_confinement
from tests.conftest import PROBLEMS_ROOT, REPO
from tests.waiting import scaled, wait_for

SUBSEQ = PROBLEMS_ROOT / "is_subsequence"
REFERENCE = (SUBSEQ / "reference.py").read_text()
WRONG = (SUBSEQ / "corpus" / "ignores_order.py").read_text()  # expect: wrong_answer
LOOPS = "def is_subsequence(s, t):\n    while True:\n        pass\n"


@pytest.fixture
def group() -> Iterator[Path]:
    """A group's tree outside /tmp: the box has a private /tmp, so only JUDGE_HIDE can hide it."""
    folder = Path(tempfile.mkdtemp(prefix="judge-test-group-", dir="/var/tmp"))
    os.chmod(folder, 0o755)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    os.chmod(path.parent, 0o755)
    os.chmod(path, 0o644)


def _reads_alice(group: Path) -> str:
    """The reference, plus a check at import that fails the run if alice's file is readable."""
    target = group / "alice" / "is_subsequence.py"
    return REFERENCE + (f"\n\ntry:\n    open({str(target)!r}).read()\nexcept OSError:\n    pass\n"
                        "else:\n    raise RuntimeError('read another member\\'s file')\n")


def test_a_small_batch_end_to_end(run_cli, group: Path, tmp_path: Path) -> None:
    _write(group / "alice" / "is_subsequence.py", REFERENCE)
    _write(group / "alice" / "top_n_words.py", "def top_n_words(text, n)\n    return []\n")  # syntax error
    _write(group / "bob" / "is_subsequence.py", _reads_alice(group))
    _write(group / "bob" / "top_n_words.py", "")  # empty: decided without a run
    _write(group / "bob" / "is_subsequense.py", WRONG)  # named for no problem
    _write(group / "carol" / "is_subsequence.py", WRONG)

    result = run_cli("grade", str(group), "--sandbox", "local", "--jobs", "2", "--no-complexity",
                     "--member", "alice", "--member", "bob", "--member", "carol",
                     "--json", "book.json", "--markdown", "book.md", "--junit", "book.xml",
                     "--csv", "book.csv", "--fail-under", "100")

    assert result.exit_code == 1, result.stderr  # each of them lost some points
    assert "under --fail-under 100: alice, bob, carol" in result.stderr
    book = json.loads((tmp_path / "book.json").read_text())
    cells = {(c["member"], c["problem"]): c for c in book["cells"]}
    verdicts = {key: cell["verdict"] for key, cell in cells.items()}
    # Without namespaces the local sandbox cannot hide a folder (its report says so).
    hidden = "accepted" if probe_confinement().namespaced else "runtime_error"
    assert verdicts == {("alice", "is_subsequence"): "accepted", ("alice", "top_n_words"): "compile_error",
                        ("bob", "is_subsequence"): hidden, ("bob", "top_n_words"): "compile_error",
                        ("carol", "is_subsequence"): "wrong_answer"}, [c["message"] for c in book["cells"]]
    assert book["schema_version"] == 1 and book["complete"] is True and book["pending"] == []
    assert book["problems"] == ["is_subsequence", "top_n_words"]
    wrong = cells[("carol", "is_subsequence")]
    assert 0 < wrong["categories_passed"] < wrong["categories_total"]
    assert 0 < wrong["points"] < wrong["max_points"] == 100
    assert wrong["report"]["verdict"] == "wrong_answer" and wrong["failures"][0]["counterexample"]
    assert "line 1" in cells[("alice", "top_n_words")]["message"]
    assert "empty" in cells[("bob", "top_n_words")]["message"]
    totals = {t["member"]: t for t in book["totals"]}
    assert totals["alice"] == {"member": "alice", "points": 100.0, "max_points": 200.0, "accepted": 1, "graded": 2}
    assert [n["path"] for n in book["not_graded"]] == [str(group / "bob" / "is_subsequense.py")]

    markdown = (tmp_path / "book.md").read_text()
    assert "| member | is\\_subsequence | top\\_n\\_words | points |" in markdown
    assert "| alice | ✅ accepted 100/100 | ❌ compile error 0/100 | 100/200 |" in markdown
    assert "### carol / is\\_subsequence: wrong answer" in markdown
    assert wrong["failures"][0]["counterexample"] in markdown
    assert "is\\_subsequense.py" not in markdown.split("## Not graded")[0]
    junit = {c.get("classname"): c for c in ET.parse(tmp_path / "book.xml").getroot().iter("testcase")}
    assert junit["carol.is_subsequence"].find("failure").get("type") == "wrong_answer"
    assert junit["alice.top_n_words"].get("line") == "1" and junit["alice.is_subsequence"].find("failure") is None
    assert wrong["failures"][0]["counterexample"] in junit["carol.is_subsequence"].find("failure").text
    assert (tmp_path / "book.csv").read_text().splitlines() == [
        "member,is_subsequence,top_n_words,total,max_total", "alice,100,0,100,200",
        f"bob,{cells[('bob', 'is_subsequence')]['points']:g},0,{totals['bob']['points']:g},200",
        f"carol,{wrong['points']:g},,{wrong['points']:g},100"]
    assert "[5/5]" in result.stderr  # plain progress lines when stderr is no terminal
    assert "carol" in result.stdout and "wrong answer" in result.stdout


def test_a_batch_that_ran_exits_0_whatever_the_verdicts(run_cli, group: Path) -> None:
    _write(group / "alice" / "is_subsequence.py", REFERENCE)
    _write(group / "bob" / "is_subsequence.py", WRONG)
    result = run_cli("grade", str(group), "--sandbox", "local", "--no-complexity")
    assert result.exit_code == 0, result.stderr


def test_a_malformed_group_file_is_a_usage_error(run_cli, group: Path) -> None:
    _write(group / "judge-group.toml", "[points]\nis_subsequence = -1\n")
    result = run_cli("grade", str(group), "--sandbox", "local")
    assert result.exit_code == 2
    assert f"{group / 'judge-group.toml'}, line 2, key 'points.is_subsequence'" in result.stderr


# ---- SIGTERM in the middle of a batch ----------------------------------------------------

def _processes() -> dict[int, tuple[int, str, str]]:
    """pid -> (parent pid, start time, command line) of every process we can see."""
    found = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        fields = stat.rsplit(")", 1)[1].split()
        found[int(entry.name)] = (int(fields[1]), fields[19], cmdline)
    return found


def _descendants(root: int) -> dict[int, tuple[int, str, str]]:
    table = _processes()
    family, changed = {root}, True
    while changed:
        changed = False
        for pid, (parent, _start, _cmd) in table.items():
            if parent in family and pid not in family:
                family.add(pid)
                changed = True
    return {pid: table[pid] for pid in family - {root} if pid in table}


def _wait_for(condition, timeout_s: float, what: str) -> None:
    wait_for(condition, what, timeout_s)


def test_sigterm_mid_batch_stops_every_run_and_writes_the_finished_cells(group: Path, tmp_path: Path) -> None:
    tag = "grade" + uuid.uuid4().hex[:12]
    tree = group / tag  # every cell's `judge run` carries the tag in its command line
    _write(tree / "alice" / "is_subsequence.py", "def is_subsequence(s, t)\n")  # syntax error: done fast
    _write(tree / "bob" / "is_subsequence.py", LOOPS)
    _write(tree / "carol" / "is_subsequence.py", LOOPS)
    out = tmp_path / "book.json"
    err = (tmp_path / "stderr").open("w+")
    env = {**os.environ, "JUDGE_PROBLEMS": str(PROBLEMS_ROOT), "JUDGE_HOME": str(tmp_path / "data"),
           "PYTHONPATH": str(REPO)}
    grade = subprocess.Popen([sys.executable, "-m", "judge", "grade", str(tree), "--sandbox", "local",
                              "--jobs", "2", "--no-complexity", "--json", str(out)],
                             stdout=subprocess.PIPE, stderr=err, env=env, cwd=tmp_path)
    try:
        _wait_for(lambda: "[1/3] alice/is_subsequence: compile_error" in (tmp_path / "stderr").read_text(),
                  60, "the first cell")
        _wait_for(lambda: sum("worker.py" in c for _p, _s, c in _descendants(grade.pid).values()) >= 2,
                  60, "both looping cells' workers")
        family = _descendants(grade.pid)
        grade.send_signal(signal.SIGTERM)
        grade.communicate(timeout=30)
    finally:
        if grade.poll() is None:
            grade.kill()
    said = (tmp_path / "stderr").read_text()

    assert grade.returncode == 143, said[-3000:]
    assert "interrupted by SIGTERM" in said and "Traceback" not in said
    book = json.loads(out.read_text())
    assert book["complete"] is False and book["interrupted_by"] == "SIGTERM"
    assert [(c["member"], c["verdict"]) for c in book["cells"]] == [("alice", "compile_error")]
    assert {p["member"] for p in book["pending"]} == {"bob", "carol"}
    _assert_gone(family, tag, grade.pid)


def _assert_gone(family: dict[int, tuple[int, str, str]], tag: str, pid: int) -> None:
    def left() -> list[str]:
        now = _processes()
        survivors = [f"{p}: {c[:100]}" for p, (_parent, start, c) in family.items()
                     if p in now and now[p][1] == start]  # the same process, not a reused pid
        return survivors + [f"{p}: {c[:100]}" for p, (_parent, _start, c) in now.items() if tag in c]

    deadline = time.monotonic() + scaled(5)
    while left() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not left(), f"processes outlived the batch: {left()}"
    assert not list(Path(tempfile.gettempdir()).glob(f"judge-*-{pid}-*")), "the batch's temporary folder is left"
    children = [p for p, (parent, _s, _c) in family.items() if parent == pid]
    for child in children:
        assert not list(Path(tempfile.gettempdir()).glob(f"judge-*-{child}-*")), "a run's temporary folder is left"


def test_an_output_in_a_missing_folder_is_refused_before_grading(run_cli, group: Path) -> None:
    _write(group / "alice" / "is_subsequence.py", REFERENCE)
    result = run_cli("grade", str(group), "--sandbox", "local", "--json", "no/such/folder/book.json")
    assert result.exit_code == 2 and "does not exist" in result.stderr


def test_sigkill_of_the_grader_leaves_no_run_behind(group: Path, tmp_path: Path) -> None:
    """SIGKILL cannot be caught: the forkserver ends with the grader (EOF), and each `judge run`
    forked from it gets SIGTERM from the kernel (PR_SET_PDEATHSIG)."""
    tag = "gradekill" + uuid.uuid4().hex[:12]
    tree = group / tag  # the looping cell's path carries the tag
    _write(tree / "bob" / "is_subsequence.py", LOOPS)
    env = {**os.environ, "JUDGE_PROBLEMS": str(PROBLEMS_ROOT), "JUDGE_HOME": str(tmp_path / "data"),
           "PYTHONPATH": str(REPO)}
    grade = subprocess.Popen([sys.executable, "-m", "judge", "grade", str(tree), "--sandbox", "local",
                              "--jobs", "1", "--no-complexity"],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, cwd=tmp_path)
    try:
        # The worker running the loop: the run's sandbox is up, the case that must be cleaned.
        _wait_for(lambda: any("worker.py" in c for _p, _s, c in _descendants(grade.pid).values()),
                  60, "the looping cell's worker")
        family = _descendants(grade.pid)
        # The cell is a child of the forkserver, with its command line: both are in the family.
        forked = [p for p, (_parent, _s, c) in family.items() if "judge.cli.forkserver" in c]
        assert any(family[p][0] in forked for p in forked), family
        grade.kill()
        grade.wait(timeout=10)
    finally:
        if grade.poll() is None:
            grade.kill()
    assert grade.returncode == -signal.SIGKILL
    _assert_gone_by_tag(family, tag)


def _assert_gone_by_tag(family: dict[int, tuple[int, str, str]], tag: str) -> None:
    """No live process of the batch (same pid and start time) nor any with the tag, 5 s on."""
    def left() -> list[str]:
        now = {p: v for p, v in _processes().items() if not _zombie(p)}  # reaped late by the box's pid 1
        survivors = [f"{p}: {c[:100]}" for p, (_parent, start, c) in family.items()
                     if p in now and now[p][1] == start]
        return survivors + [f"{p}: {c[:100]}" for p, (_parent, _start, c) in now.items() if tag in c]

    deadline = time.monotonic() + scaled(5)
    while left() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not left(), f"processes outlived the SIGKILLed grader: {left()}"


def _zombie(pid: int) -> bool:
    try:
        return (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0] == "Z"
    except (OSError, IndexError):
        return False
