"""`judge contest add-participant`, `judge contest serve` and `judge submit --server`, as a host and
a participant run them: real processes, the real in-process queue, a real judging (local sandbox)."""

from __future__ import annotations

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

from tests.conftest import PROBLEMS_ROOT

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
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        assert process.poll() is None, process.stderr.read()
        try:
            httpx.get(f"{url}/api/contest", timeout=1)
            return
        except httpx.TransportError:
            time.sleep(0.1)
    raise AssertionError("the server did not answer within 30 s")


@pytest.fixture
def host(tmp_path: Path) -> Iterator[Host]:
    db = tmp_path / "contests.sqlite3"
    created = judge("contest", "create", "cup", "--problems", "is_subsequence,top_n_words", "--duration", "45m",
                    "--format", "icpc", "--db", str(db), cwd=tmp_path)
    assert created.returncode == 0, created.stderr
    added = judge("contest", "add-participant", "cup", "ana", "--db", str(db), cwd=tmp_path)
    assert added.returncode == 0, added.stderr
    assert judge("contest", "start", "cup", "--db", str(db), cwd=tmp_path).returncode == 0
    port = free_port()
    process = subprocess.Popen(
        [*JUDGE, "contest", "serve", "cup", "--port", str(port), "--db", str(db), "--sandbox", "local",
         "--no-complexity", "--min-interval", "0s"],
        cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
        env={**os.environ, "JUDGE_PROBLEMS": str(PROBLEMS_ROOT)})
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(url, process)
        yield Host(tmp_path, db, url, process, _token_from(added.stdout))
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


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


def test_sigterm_stops_the_server_within_seconds_and_leaves_no_process(host: Host):
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
