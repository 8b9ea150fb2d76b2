"""The solo round through the CLI: the clock's boundaries, the feedback modes, recovery in-process."""

from __future__ import annotations

import json

from judge.contest.owner import Owner
from judge.contest.store import ContestStore
from tests.contest.conftest import NO_ENTRY_POINT, START, Round

MINUTES_45 = 45 * 60


def started(round_: Round, *extra: str, duration: str = "45m") -> Round:
    round_.create(*extra, duration=duration)
    assert round_.judge("contest", "start", "mock").exit_code == 0
    return round_


def test_start_shows_the_problems_and_the_end(round_: Round):
    round_.create()
    outcome = round_.judge("contest", "start", "mock")
    assert outcome.exit_code == 0
    assert "is_subsequence" in outcome.stdout and "Top N Words" in outcome.stdout
    assert "ends at 2025-06-15 15:51:40 UTC" in outcome.stdout  # START + 45 min


def test_a_submission_at_the_last_second_counts_and_one_at_the_end_is_refused(round_: Round):
    started(round_)
    round_.clock.advance(MINUTES_45 - 1)
    last_second = round_.submit(NO_ENTRY_POINT)
    assert last_second.exit_code == 7  # compile error, judged and shown
    assert "submission #1" in last_second.stdout
    round_.clock.advance(1)
    at_the_end = round_.submit(NO_ENTRY_POINT)
    assert at_the_end.exit_code == 2
    assert "contest 'mock' is over (time ran out at 2025-06-15 15:51:40 UTC" in at_the_end.stderr
    assert "not recorded" in at_the_end.stderr
    assert [row[0] for row in round_.rows()] == [1]


def test_before_the_start_and_after_handing_in_nothing_is_recorded(round_: Round):
    round_.create()
    before = round_.submit(NO_ENTRY_POINT)
    assert before.exit_code == 2 and "has not started: `judge contest start mock`" in before.stderr
    round_.judge("contest", "start", "mock")
    round_.clock.advance(600)
    finished = round_.judge("contest", "finish")
    assert finished.exit_code == 0 and "Handed in" in finished.stdout
    after = round_.submit(NO_ENTRY_POINT)
    assert after.exit_code == 2 and "is over (handed in at 2025-06-15 15:16:40 UTC" in after.stderr
    assert round_.rows() == []


def test_a_restart_neither_resets_nor_extends_the_round(round_: Round):
    started(round_)
    round_.clock.advance(20 * 60)
    again = round_.judge("contest", "start", "mock")
    assert again.exit_code == 2 and "started already" in again.stderr
    status = round_.judge("contest", "status", "mock")  # a fresh command: the clock comes from the database
    assert "running: 25m left" in status.stdout
    with ContestStore(round_.db) as store:
        assert store.contest("mock").started_at == START


def test_a_problem_outside_the_contest_is_refused(round_: Round):
    started(round_)
    outcome = round_.submit(NO_ENTRY_POINT, "kmeans")
    assert outcome.exit_code == 2
    assert "problem 'kmeans' is not in contest 'mock' (its problems: is_subsequence, top_n_words)" in outcome.stderr


def test_verdict_feedback_shows_one_line_and_exits_as_judge_run(round_: Round):
    started(round_, "--feedback", "verdict")
    round_.clock.advance(65)
    outcome = round_.submit(NO_ENTRY_POINT)
    assert outcome.exit_code == 7
    assert outcome.stdout.strip() == "submission #1 (is_subsequence, at 01:05): COMPILE ERROR"


def test_hidden_feedback_holds_every_verdict_until_the_end_then_shows_all(round_: Round):
    started(round_, "--feedback", "hidden", duration="10m")
    round_.clock.advance(60)
    outcome = round_.submit(NO_ENTRY_POINT)
    assert outcome.exit_code == 0
    assert "recorded, verdict held until the round ends" in outcome.stdout
    assert "COMPILE" not in outcome.stdout + outcome.stderr
    for command in (("contest", "status"), ("contest", "scoreboard"), ("contest", "report")):
        during = round_.judge(*command)
        assert "COMPILE" not in during.stdout, command
    assert "1 submitted, verdicts held until the round ends" in round_.judge("contest", "status").stdout
    exported = json.loads(round_.judge("contest", "export", "--json").stdout)
    assert exported["standings"][0]["cells"]["is_subsequence"]["pending"] == 1

    round_.clock.advance(9 * 60)  # the end
    assert "COMPILE ERROR" in round_.judge("contest", "status").stdout
    report = round_.judge("contest", "report").stdout
    assert "COMPILE ERROR" in report and "defines no top-level function named 'is_subsequence'" in report
    exported = json.loads(round_.judge("contest", "export", "--json").stdout)
    assert exported["standings"][0]["cells"]["is_subsequence"]["pending"] == 0


def test_finishing_early_shows_the_held_verdicts(round_: Round):
    started(round_, "--feedback", "hidden")
    round_.submit(NO_ENTRY_POINT)
    finished = round_.judge("contest", "finish")
    assert "COMPILE ERROR" in finished.stdout


def test_watch_counts_down_to_the_end_and_exits(round_: Round):
    started(round_, duration="3s")
    outcome = round_.judge("contest", "status", "--watch")  # the fake clock's sleep moves time on
    assert outcome.exit_code == 0
    assert round_.clock.now() == START + 3
    assert "over (ended at 2025-06-15 15:06:43 UTC)" in outcome.stdout


def test_the_running_contest_is_the_default_and_otherwise_a_name_is_needed(round_: Round):
    round_.create(name="first")
    round_.create(name="second")
    neither = round_.judge("contest", "status")
    assert neither.exit_code == 2 and "name the contest: none is running (first, second)" in neither.stderr
    round_.judge("contest", "start", "second")
    assert "second: 2 problems" in round_.judge("contest", "status").stdout
    round_.judge("contest", "start", "first")
    both = round_.submit(NO_ENTRY_POINT)
    assert both.exit_code == 2 and "several are running (first, second)" in both.stderr
    assert round_.submit(NO_ENTRY_POINT, "is_subsequence", "--contest", "first").exit_code == 7


def test_a_submission_left_by_a_dead_judge_is_judged_by_the_next_command_once(round_: Round):
    started(round_)
    with ContestStore(round_.db) as store:  # as a judge killed after recording leaves it
        store.add_submission("mock", "someone", "is_subsequence", "gone.py", NO_ENTRY_POINT.encode(), START + 5,
                             {"sandbox": "local", "complexity": False}, Owner(2**22 + 12345, "gone"))
    status = round_.judge("contest", "status")
    assert "submission #1 (is_subsequence, contest mock) was left unjudged by a stopped judge" in status.stderr
    assert round_.rows() == [(1, "judged", "compile_error", 1)]
    round_.judge("contest", "status")
    assert round_.rows() == [(1, "judged", "compile_error", 1)]  # judged once, not again
