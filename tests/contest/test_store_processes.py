"""The contest database shared by a long-running server and other processes.

A server opens the store many times (a connection per request, one per judge
worker) while `judge contest status` or a load benchmark reads the same file
from other processes. What the server writes must be what they read.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from judge.contest.model import ContestRules
from judge.contest.owner import current_owner
from judge.contest.store import ContestStore


def states_seen_by_another_process(path: Path) -> list[str]:
    script = ("import sqlite3, sys; connection = sqlite3.connect(sys.argv[1]); "
              "print(','.join(r[0] for r in connection.execute('SELECT state FROM submissions ORDER BY id')))")
    done = subprocess.run([sys.executable, "-c", script, str(path)], capture_output=True, text=True, check=True)
    return done.stdout.strip().split(",")


def test_reopening_the_store_in_a_process_keeps_its_writes_visible_to_other_processes(tmp_path: Path):
    path = tmp_path / "contests.sqlite3"
    with ContestStore(path) as kept:  # the server's long-lived connection (a judge worker's)
        kept.create_contest(ContestRules("c", ("is_subsequence",), 60, "icpc"), time.time())
        submission = kept.add_submission("c", "ada", "is_subsequence", "a.py", b"x = 1\n", time.time(), {},
                                         current_owner())
        with ContestStore(path):  # another request of the same server opens the store meanwhile
            pass
        assert states_seen_by_another_process(path) == ["pending"]  # a reader closes its connection...
        assert kept.claim(submission, current_owner())
        assert states_seen_by_another_process(path) == ["judging"]  # ...and later writes still reach the file
