"""What the round shows: the freeze, the postmortem of a real round, exports, and --watch stopped."""

from __future__ import annotations

import csv
import io
import json

import pytest

from judge.contest.model import ContestRules
from judge.contest.owner import current_owner
from judge.contest.round import attempts
from judge.contest.store import ContestRecord, ContestStore, Judgement
from judge.verdicts import Verdict
from tests.contest.conftest import CORRECT, START, WRONG, Round

RULES = ContestRules("mock", ("is_subsequence",), 3600, "icpc", freeze_s=900)
RECORD = ContestRecord(RULES, START - 60, started_at=START)
FREEZE = START + 2700


def logged(tmp_path, *entries: tuple[str, float]) -> list:
    """Accepted submissions by (participant, seconds since the start), as stored."""
    owner = current_owner()
    with ContestStore(tmp_path / "c.sqlite3") as store:
        store.create_contest(RULES, START - 60)
        for participant, at_s in entries:
            item = store.add_submission("mock", participant, "is_subsequence", "a.py", b"", START + at_s, {}, owner)
            store.claim(item, owner)
            store.record(item.id, owner, Judgement(Verdict.ACCEPTED, frozenset({"basics"}), 1, {}), START + at_s)
        return store.submissions("mock")


def test_the_freeze_hides_others_verdicts_from_its_first_second_until_the_end(tmp_path):
    log = logged(tmp_path, ("ana", 2699), ("ana", 2700), ("bo", 2700))
    verdicts = lambda now, viewer: [a.verdict for a in attempts(RECORD, log, now, viewer=viewer)]  # noqa: E731
    accepted = Verdict.ACCEPTED
    assert verdicts(FREEZE - 1, "ana") == [accepted, accepted, accepted]  # before the freeze: everything
    assert verdicts(FREEZE, "ana") == [accepted, accepted, None]  # bo's attempt at the freeze is hidden
    assert verdicts(FREEZE, "bo") == [accepted, None, accepted]  # each sees their own
    assert verdicts(START + 3600, "ana") == [accepted, accepted, accepted]  # the end lifts it


def test_status_says_when_the_scoreboard_is_frozen(round_: Round):
    round_.create("--freeze", "15m")
    round_.judge("contest", "start", "mock")
    round_.clock.advance(30 * 60 - 1)
    assert "frozen" not in round_.judge("contest", "status").stdout
    round_.clock.advance(1)
    assert "running: 15m left · scoreboard frozen" in round_.judge("contest", "status").stdout


def test_the_postmortem_of_a_real_round(round_: Round):
    round_.create()
    round_.judge("contest", "start", "mock")
    round_.clock.advance(4 * 60 + 10)
    wrong = round_.submit(WRONG)
    assert wrong.exit_code == 1 and "submission #1 (is_subsequence, at 04:10): WRONG ANSWER" in wrong.stdout
    round_.clock.advance(5 * 60)
    path = round_.solution(CORRECT)
    accepted = round_.judge("submit", "is_subsequence", "--solution", str(path), "--sandbox", "local")
    assert accepted.exit_code == 0, accepted.stdout
    round_.clock.advance(60)
    round_.judge("contest", "finish")

    report = round_.judge("contest", "report").stdout
    assert "handed in after 10m10s. score: 1 solved, penalty 29" in report  # minute 9 + 20 for the wrong try
    timeline = [line.split() for line in report.splitlines() if line.strip().startswith(("04:10", "09:10"))]
    assert timeline[0][:6] == ["04:10", "1", "is_subsequence", "1", "WRONG", "ANSWER"]
    assert timeline[1][:5] == ["09:10", "2", "is_subsequence", "2", "ACCEPTED"]
    row = next(line.split() for line in report.splitlines() if line.strip().startswith("is_subsequence   04:10"))
    assert row[:6] == ["is_subsequence", "04:10", "09:10", "2", "O(n)/O(n)", "O(1)/O(1)"]
    assert "#1 is_subsequence at 04:10: WRONG ANSWER in 'basics'" in report
    assert "smallest failing input: is_subsequence('aa', 'a')" in report
    assert "expected False, got True" in report


def test_exports_write_the_standings_to_files(round_: Round):
    round_.create()
    round_.judge("contest", "start", "mock")
    round_.submit("def something_else():\n    pass\n")
    assert round_.judge("contest", "export", "--json", "board.json").exit_code == 0
    board = json.loads((round_.folder / "board.json").read_text())
    assert board["contest"] == "mock" and board["standings"][0]["cells"]["is_subsequence"]["tries"] == 0
    assert round_.judge("contest", "export", "--csv").exit_code == 0
    rows = list(csv.reader(io.StringIO(round_.judge("contest", "export", "--csv").stdout)))
    assert rows[0] == ["rank", "participant", "score", "penalty_s", "is_subsequence", "top_n_words"]
    neither = round_.judge("contest", "export")
    assert neither.exit_code == 2 and "choose one of --json [FILE] or --csv [FILE]" in neither.stderr


class StoppedClock:
    """A clock whose sleep is interrupted, as Ctrl-C interrupts a watch."""

    def __init__(self, start: float) -> None:
        self.current = start

    def now(self) -> float:
        return self.current

    def sleep(self, seconds: float) -> None:
        raise KeyboardInterrupt


@pytest.mark.parametrize("signal_code", [130])
def test_watch_stopped_by_ctrl_c_exits_cleanly(round_: Round, signal_code: int):
    round_.create()
    round_.judge("contest", "start", "mock")
    round_.clock = StoppedClock(START + 60)
    outcome = round_.judge("contest", "status", "--watch")
    assert outcome.exit_code == signal_code
    assert outcome.stderr.strip() == "stopped watching (SIGINT); the round goes on."
    assert "running: 44m left" in outcome.stdout
