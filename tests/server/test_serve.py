"""`judge contest add-participant`, `judge contest serve` and `judge submit --server`, as a host and
a participant run them: real processes, the real in-process queue, a real judging (local sandbox)."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from judge.contest.model import ContestRules
from judge.contest.participants import new_token, token_hash
from judge.contest.store import ContestStore
from tests.conftest import PROBLEMS_ROOT
from tests.waiting import scaled

JUDGE = [sys.executable, "-m", "judge"]
STOP_WITHIN_S = 5.0
HOSTILE_OUTPUT = "<script>alert('printed')</script>"


def judge(*args: str, cwd: Path, env: dict[str, str] | None = None, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run([*JUDGE, *args], cwd=cwd, capture_output=True, text=True, timeout=timeout,
                          env={**os.environ, "JUDGE_PROBLEMS": str(PROBLEMS_ROOT), **(env or {})})


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class Host:
    folder: Path
    db: Path
    url: str
    process: subprocess.Popen
    token: str


def _token_from(output: str) -> str:
    return output.strip().splitlines()[-1].strip()


def _wait_until_up(url: str, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + scaled(30)
    while time.monotonic() < deadline:
        assert process.poll() is None, process.stderr.read()
        try:
            httpx.get(f"{url}/api/contest", timeout=1)
            return
        except httpx.TransportError:
            time.sleep(0.1)
    raise AssertionError("the server did not answer within 30 s")


def _contest_with_ana(db: Path) -> str:
    """Contest 'cup' started now, with participant ana; her token (the CLI's own steps are tested above)."""
    token = new_token()
    rules = ContestRules(name="cup", problems=("is_subsequence", "top_n_words"), duration_s=2700, format="icpc")
    with ContestStore(db) as store:
        store.create_contest(rules, time.time())
        store.start("cup", time.time())
        store.add_participant("cup", "ana", token_hash(token), None, time.time())
    return token


@contextlib.contextmanager
def serving(folder: Path, token: str | None = None) -> Iterator[Host]:
    """`judge contest serve cup` in its own process (and session) on a free port, until the test ends;
    over the folder's database as it is when a token is given, else over a new contest."""
    db = folder / "contests.sqlite3"
    token = token or _contest_with_ana(db)
    port = free_port()
    process = subprocess.Popen(
        [*JUDGE, "contest", "serve", "cup", "--port", str(port), "--db", str(db), "--sandbox", "local",
         "--no-complexity", "--min-interval", "0s"],
        cwd=folder, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
        env={**os.environ, "JUDGE_PROBLEMS": str(PROBLEMS_ROOT)})
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(url, process)
        yield Host(folder, db, url, process, token)
    finally:  # whatever the test left of this server's process group goes
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()


@pytest.fixture(scope="module")
def host(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Host]:
    """One server for the tests that only talk to it."""
    with serving(tmp_path_factory.mktemp("host")) as running:
        yield running


def test_add_participant_prints_the_token_once_and_keeps_only_its_hash(tmp_path: Path):
    db = tmp_path / "contests.sqlite3"
    judge("contest", "create", "cup", "--problems", "is_subsequence", "--duration", "45m", "--format", "icpc",
          "--db", str(db), cwd=tmp_path)
    first = judge("contest", "add-participant", "cup", "ana", "--db", str(db), cwd=tmp_path)
    again = judge("contest", "add-participant", "cup", "ana", "--db", str(db), cwd=tmp_path)
    token = _token_from(first.stdout)
    assert first.returncode == 0 and len(token) >= 43
    assert again.returncode == 2 and "already has a participant named 'ana'" in again.stderr
    assert token.encode() not in db.read_bytes()
    with sqlite3.connect(db) as connection:
        (stored,) = connection.execute("SELECT token_sha256 FROM participants").fetchone()
    assert len(stored) == 64 and stored != token


def test_submit_to_the_server_waits_for_the_verdict_and_the_page_shows_printed_html_as_text(host: Host):
    solution = host.folder / "is_subsequence.py"
    solution.write_text((PROBLEMS_ROOT / "is_subsequence" / "reference.py").read_text()
                        + f"\nprint({HOSTILE_OUTPUT!r})\n")
    submitted = judge("submit", "is_subsequence", "--solution", str(solution), "--server", host.url, "--wait",
                      cwd=host.folder, env={"JUDGE_TOKEN": host.token})
    assert submitted.returncode == 0, submitted.stderr
    assert f"submission #1 (is_subsequence) recorded by {host.url}" in submitted.stdout
    assert "submission #1: accepted" in submitted.stdout
    with httpx.Client(base_url=host.url, follow_redirects=True) as browser:
        browser.post("/login", data={"token": host.token})
        page = browser.get("/me/submissions/1").text
    assert HOSTILE_OUTPUT not in page
    assert "&lt;script&gt;alert(&#39;printed&#39;)&lt;/script&gt;" in page


def test_a_refused_submission_is_a_one_line_usage_error(host: Host):
    solution = host.folder / "broken.py"
    solution.write_text("def is_subsequence(s, t)\n")
    refused = judge("submit", "is_subsequence", "--solution", str(solution), "--server", host.url,
                    "--token", host.token, cwd=host.folder)
    assert refused.returncode == 2
    assert "refused (422): the file is not Python that compiles" in refused.stderr
    assert "Traceback" not in refused.stderr


SLOW = "import time\n\ndef is_subsequence(s, t):\n    time.sleep(0.5)\n    return True\n"


def test_sigterm_mid_judging_stops_within_seconds_hands_the_submission_back_and_leaves_no_process(tmp_path: Path):
    with serving(tmp_path) as host:
        headers = {"Authorization": f"Bearer {host.token}"}
        created = httpx.post(f"{host.url}/api/submissions", headers=headers, data={"problem": "is_subsequence"},
                             files={"file": ("slow.py", SLOW)}).json()
        _wait_for_state(host, created["url"], headers, "judging")
        _stop_with_sigterm(host)
    with sqlite3.connect(host.db) as connection:
        row = connection.execute("SELECT state, owner_pid, verdict FROM submissions").fetchone()
    assert row == ("pending", None, None)  # handed back: the next start judges it


def _wait_for_state(host: Host, url: str, headers: dict[str, str], state: str, within_s: float = 20) -> None:
    deadline = time.monotonic() + scaled(within_s)
    while httpx.get(f"{host.url}{url}", headers=headers).json()["state"] != state:
        assert time.monotonic() < deadline, f"the submission never reached {state!r}"
        time.sleep(0.1)


def _stop_with_sigterm(host: Host) -> None:
    children = _descendants(host.process.pid)
    sent = time.monotonic()
    host.process.send_signal(signal.SIGTERM)
    host.process.wait(timeout=STOP_WITHIN_S + 5)
    assert time.monotonic() - sent < STOP_WITHIN_S
    assert host.process.returncode == 0
    assert "server stopped (SIGTERM)" in host.process.stderr.read()
    time.sleep(0.5)  # the kernel reaps the forkserver's children after their parent
    assert [pid for pid in children if _alive(pid)] == []


def _descendants(pid: int) -> list[int]:
    found = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout.split()
    return [int(child) for child in found] + [grand for child in found for grand in _descendants(int(child))]


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


SLOW_BUT_RIGHT = (PROBLEMS_ROOT / "is_subsequence" / "reference.py").read_text() + "\nimport time\ntime.sleep(3)\n"


def test_kill_9_of_the_server_mid_judging_then_a_restart_judges_the_submission_exactly_once(tmp_path: Path):
    with serving(tmp_path) as first:
        headers = {"Authorization": f"Bearer {first.token}"}
        created = httpx.post(f"{first.url}/api/submissions", headers=headers, data={"problem": "is_subsequence"},
                             files={"file": ("slow.py", SLOW_BUT_RIGHT)}).json()
        _wait_for_state(first, created["url"], headers, "judging")
        judges = _descendants(first.process.pid)
        first.process.kill()  # the server alone, as a crash would: its judges must not outlive it
        first.process.wait()
        with serving(tmp_path, first.token) as second:
            _wait_for_state(second, created["url"], headers, "judged", within_s=60)
        assert [pid for pid in judges if _alive(pid)] == []
    with sqlite3.connect(first.db) as connection:
        rows = connection.execute("SELECT verdict, judging_runs FROM submissions").fetchall()
    assert rows == [("accepted", 2)]  # taken up again once, recorded once


def test_a_port_in_use_is_a_usage_error_not_a_traceback(tmp_path: Path):
    db = tmp_path / "contests.sqlite3"
    _contest_with_ana(db)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        refused = judge("contest", "serve", "cup", "--port", str(port), "--db", str(db), "--sandbox", "local",
                        cwd=tmp_path, timeout=60)
    assert refused.returncode == 2
    assert f"could not start on 127.0.0.1:{port}" in refused.stderr and "Traceback" not in refused.stderr
