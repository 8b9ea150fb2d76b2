"""A real uvicorn server on a free loopback port, over a real contest database, driven with httpx.

The server runs in a thread of the test process so the test moves its clock
(a FakeClock: the freeze and the end without sleeping). Judging is a
synchronous stand-in queue that records the verdict the test asks for: these
tests are about the server, and the real queues have their own tests
(tests/server/test_serve.py judges for real through `judge contest serve`).
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest
import uvicorn

from judge.contest.clock import FakeClock
from judge.contest.model import ContestRules
from judge.contest.owner import current_owner
from judge.contest.participants import new_token, token_hash
from judge.contest.store import ContestStore, Judgement
from judge.problems import ProblemSet
from judge.server.app import create_app
from judge.server.hosting import HostedContest
from judge.verdicts import Verdict
from tests.conftest import PROBLEMS_ROOT
from tests.waiting import scaled

START = 1_750_000_000.0
SLUGS = ("is_subsequence", "top_n_words")
CORRECT = (PROBLEMS_ROOT / "is_subsequence" / "reference.py").read_bytes()


@dataclass
class StandInQueue:
    """Judges at once, in the request's thread: the verdict is the one `verdicts` holds for the
    source (accepted by default), the report's output is what `prints` says."""

    db: Path
    clock: FakeClock
    verdicts: dict[bytes, Verdict] = field(default_factory=dict)
    prints: dict[bytes, str] = field(default_factory=dict)
    hold: bool = False  # leave submissions pending (judging "takes a while")
    held: list[int] = field(default_factory=list)

    def start(self) -> None:
        pass

    def submit(self, submission_id: int) -> None:
        if self.hold:
            self.held.append(submission_id)
            return
        self.judge(submission_id)

    def judge(self, submission_id: int) -> None:
        with ContestStore(self.db) as store:
            item = store.submission(submission_id)
            owner = current_owner()
            assert store.claim(item, owner)
            verdict = self.verdicts.get(item.source, Verdict.ACCEPTED)
            report = {"verdict": verdict.value, "message": "", "cases": [],
                      "output": {"stdout": self.prints.get(item.source, ""), "stderr": "", "truncated": False}}
            passed = frozenset({"basics"}) if verdict is Verdict.ACCEPTED else frozenset()
            store.record(item.id, owner, Judgement(verdict, passed, 1, report), self.clock.now())

    def release_held(self) -> None:
        while self.held:
            self.judge(self.held.pop(0))

    def counts(self) -> dict[str, int]:
        return {"queued": len(self.held), "judging": 0}

    def close(self, timeout_s: float = 5.0) -> None:
        pass


@dataclass
class Served:
    """A running server, its database, clock and queue, and the participants' tokens."""

    url: str
    db: Path
    clock: FakeClock
    queue: StandInQueue
    hosted: HostedContest
    tokens: dict[str, str]

    def client(self, who: str | None = None, **kwargs: Any) -> httpx.Client:
        headers = {"Authorization": f"Bearer {self.tokens[who]}"} if who else {}
        return httpx.Client(base_url=self.url, headers=headers, timeout=10, **kwargs)

    def submit(self, who: str, source: bytes = CORRECT, problem: str = SLUGS[0]) -> httpx.Response:
        with self.client(who) as client:
            return client.post("/api/submissions", data={"problem": problem},
                               files={"file": ("solution.py", source, "text/x-python")})

    def rows(self) -> int:
        with ContestStore(self.db) as store:
            return len(store.submissions("cup"))

    def add(self, name: str, window_s: int | None = None) -> str:
        token = new_token()
        with ContestStore(self.db) as store:
            store.add_participant("cup", name, token_hash(token), window_s, self.clock.now())
        self.tokens[name] = token
        return token


def make_contest(db: Path, clock: FakeClock, freeze_s: int | None = 600, feedback: str = "full") -> None:
    rules = ContestRules(name="cup", problems=SLUGS, duration_s=2700, format="icpc", feedback=feedback,
                         freeze_s=freeze_s)
    with ContestStore(db) as store:
        store.create_contest(rules, clock.now())
        store.start("cup", clock.now())


@contextlib.contextmanager
def running(app: Any) -> Iterator[str]:
    """uvicorn serving `app` in a thread on a free loopback port; its base URL. Stopped on the way out."""
    config = uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning", lifespan="on")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name="test-uvicorn", daemon=True)
    thread.start()
    deadline = time.monotonic() + scaled(10)
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "the server did not start"
        time.sleep(0.02)
    port = server.servers[0].sockets[0].getsockname()[1]
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)


class TickingClock(FakeClock):
    """A fake clock that also runs with real time, for a browser watching a countdown move."""

    def __init__(self, start: float = START) -> None:
        super().__init__(start)
        self._since = time.monotonic()

    def now(self) -> float:
        return self.current + (time.monotonic() - self._since)


@contextlib.contextmanager
def serving(folder: Path, clock: FakeClock, feedback: str = "full") -> Iterator[Served]:
    """Contest 'cup' (icpc, 45 min, freeze 10 min) started at START, with participants ana and bo."""
    db = folder / "contests.sqlite3"
    make_contest(db, clock, feedback=feedback)
    queue = StandInQueue(db, clock)
    hosted = HostedContest(db=db, name="cup", problems=ProblemSet(PROBLEMS_ROOT), clock=clock, queue=queue,
                           min_interval_s=0)
    with running(create_app(hosted, poll_s=0.5)) as url:
        result = Served(url, db, clock, queue, hosted, {})
        result.add("ana")
        result.add("bo")
        yield result


@pytest.fixture
def served(tmp_path: Path) -> Iterator[Served]:
    """The server on a clock that moves only when the test moves it."""
    with serving(tmp_path, FakeClock(START)) as result:
        yield result
