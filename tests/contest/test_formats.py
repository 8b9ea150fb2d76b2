"""The scoring formats, checked against worked examples from the formats' own documentation.

Sources (facts cited, wording ours):
- ICPC contest control system requirements, "Scoring" (the rules DOMjudge follows):
  https://ccs-specs.icpc.io/draft/ccs_system_requirements#scoring
- DOMjudge, scoring: https://github.com/DOMjudge/domjudge/blob/main/doc/manual/scoring.rst
- Kattis contest rules (ICPC scoring with a worked example): https://open.kattis.com/contests/q66p9b/rules
- DMOJ contest formats: https://docs.dmoj.ca/#/site/contest_formats
- AtCoder contest rules: https://abc075.contest.atcoder.jp/
"""

from __future__ import annotations

import pytest

from judge.contest.formats import FORMATS, get_format
from judge.contest.model import Attempt, ContestRules, Standing
from judge.errors import UsageError
from judge.verdicts import Verdict

AC, WA, TLE, RTE = Verdict.ACCEPTED, Verdict.WRONG_ANSWER, Verdict.TIME_LIMIT_EXCEEDED, Verdict.RUNTIME_ERROR
CE, FI, IE = Verdict.COMPILE_ERROR, Verdict.FORBIDDEN_IMPORT, Verdict.INTERNAL_ERROR
MIN = 60


class Log:
    """Builds an attempt log in submission order: ids grow with each call, as the store numbers them."""

    def __init__(self) -> None:
        self.attempts: list[Attempt] = []

    def add(self, who: str, problem: str, minute: float, verdict: Verdict | None, **extra) -> Log:
        self.attempts.append(Attempt(len(self.attempts) + 1, who, problem, minute * MIN, verdict, **extra))
        return self


def rules(fmt: str, problems: str = "A B C", **extra) -> ContestRules:
    return ContestRules(name="round", problems=tuple(problems.split()), duration_s=300 * MIN, format=fmt, **extra)


def board(fmt: str, log: Log, **rule_args) -> list[Standing]:
    return get_format(fmt).standings(rules(fmt, **rule_args), log.attempts)


def row(standings: list[Standing], who: str) -> Standing:
    return next(s for s in standings if s.participant == who)


def ranks(standings: list[Standing]) -> list[tuple[str, int]]:
    return [(s.participant, s.rank) for s in standings]


# ---- the registry ---------------------------------------------------------------------

def test_every_format_is_registered_under_its_own_name():
    assert sorted(FORMATS) == ["atcoder", "icpc", "ioi", "leetcode"]
    assert all(fmt.name == name and fmt.description for name, fmt in FORMATS.items())


def test_an_unknown_format_is_a_usage_error_naming_the_known_ones():
    with pytest.raises(UsageError) as caught:
        get_format("codeforces")
    assert "codeforces" in str(caught.value)
    assert all(name in str(caught.value) for name in FORMATS)


# ---- icpc: worked examples ---------------------------------------------------------------

def test_icpc_kattis_worked_example():
    """Kattis rules (https://open.kattis.com/contests/q66p9b/rules): two rejected tries on A before
    solving it at minute 30, three rejected tries on B never solved, one on C before solving it at
    minute 45: two solved, 30 + 2x20 + 45 + 1x20 = 135 minutes; B's tries cost nothing."""
    log = Log()
    log.add("team", "A", 5, WA).add("team", "A", 12, TLE).add("team", "A", 30, AC)
    log.add("team", "B", 50, WA).add("team", "B", 60, RTE).add("team", "B", 70, WA)
    log.add("team", "C", 40, WA).add("team", "C", 45, AC)
    [team] = board("icpc", log)
    assert (team.score, team.penalty_s) == (2, 135 * MIN)
    assert (team.cells["A"].penalty_s, team.cells["C"].penalty_s) == (70 * MIN, 65 * MIN)
    assert (team.cells["B"].solved, team.cells["B"].tries, team.cells["B"].penalty_s) == (False, 3, 0)
    assert (team.cells["A"].tries, team.cells["C"].tries) == (3, 2)  # up to and including the accepted one


def test_icpc_contest_time_is_rounded_down_so_59_99_seconds_is_minute_0():
    """CCS requirements, Scoring 1: contest time is rounded down to the minute, 59.99 s is 0 minutes."""
    log = Log().add("a", "A", 59.99 / MIN, AC).add("b", "A", 1, AC)
    standings = board("icpc", log)
    assert (row(standings, "a").penalty_s, row(standings, "b").penalty_s) == (0, 1 * MIN)


def test_icpc_a_rejected_try_costs_20_minutes_wherever_it_falls_in_the_minute():
    log = Log().add("x", "A", 59.9 / MIN, WA).add("x", "A", 119.9 / MIN, AC)
    [x] = board("icpc", log)
    assert x.penalty_s == (1 + 20) * MIN  # solved in minute 1 (119.9 s), one rejected try


def test_icpc_tied_teams_share_a_position_and_the_next_positions_stay_empty():
    """CCS requirements, Scoring: teams tied for a position all occupy it and the following
    positions are left empty (four teams tied for 17th leave 18, 19 and 20 unoccupied)."""
    log = Log().add("leader", "A", 1, AC).add("leader", "B", 2, AC)
    for team in ("p", "q", "r", "s"):
        log.add(team, "A", 10, AC)
    log.add("last", "A", 50, AC)
    assert ranks(board("icpc", log)) == [("leader", 1), ("p", 2), ("q", 2), ("r", 2), ("s", 2), ("last", 6)]


def test_icpc_equal_solved_and_penalty_are_ordered_by_the_last_accepted_minute():
    """DOMjudge scoring (doc/manual/scoring.rst) and CCS Scoring 6: with equal score and penalty,
    the earlier last accepted submission ranks first. Both teams: 2 solved, 100 minutes."""
    log = Log()
    log.add("early", "A", 40, AC).add("early", "B", 60, AC)  # last accepted at minute 60
    log.add("late", "A", 30, AC).add("late", "B", 70, AC)  # last accepted at minute 70
    standings = board("icpc", log)
    assert [s.penalty_s for s in standings] == [100 * MIN, 100 * MIN]
    assert ranks(standings) == [("early", 1), ("late", 2)]


def test_icpc_equal_in_all_three_keys_is_a_shared_rank():
    log = Log().add("x", "A", 10, AC).add("y", "A", 10.5, AC)  # both minute 10
    assert ranks(board("icpc", log)) == [("x", 1), ("y", 1)]


def test_icpc_pending_attempts_never_score_and_count_only_as_pending():
    """CCS Scoring: pending judgements have no effect on scoring; a problem is pending only if no
    earlier submission on it was accepted."""
    log = Log()
    log.add("x", "A", 3, None).add("x", "A", 5, AC).add("x", "A", 9, None)
    log.add("x", "B", 7, WA).add("x", "B", 8, None)
    [x] = board("icpc", log)
    assert (x.score, x.penalty_s) == (1, 5 * MIN)
    assert (x.cells["A"].pending, x.cells["A"].tries) == (1, 1)  # the one after the accepted is moot
    assert (x.cells["B"].pending, x.cells["B"].tries) == (1, 1)


def test_icpc_attempts_after_the_first_accepted_are_ignored():
    log = Log().add("x", "A", 10, AC).add("x", "A", 20, WA).add("x", "A", 30, AC).add("x", "A", 40, TLE)
    [x] = board("icpc", log)
    cell = x.cells["A"]
    assert (cell.tries, cell.penalty_s, cell.solved_at_s) == (1, 10 * MIN, 10 * MIN)


# ---- leetcode -----------------------------------------------------------------------------

def test_leetcode_finish_time_is_last_accepted_plus_5_minutes_per_wrong_submission():
    """The issue's rule (no LeetCode rules page was found in the documentation searched): points per
    problem, finish time = time of the last accepted + 5 minutes per wrong submission before it."""
    log = Log()
    log.add("x", "A", 4, WA).add("x", "A", 6, AC)  # 1 wrong
    log.add("x", "B", 20, WA).add("x", "B", 22, RTE).add("x", "B", 31.5, AC)  # 2 wrong, last accepted
    log.add("x", "C", 40, WA)  # never solved: costs nothing
    [x] = board("leetcode", log, points={"A": 3, "B": 5, "C": 7})
    assert x.score == 8
    assert x.penalty_s == 31.5 * MIN + 3 * 5 * MIN
    assert (x.cells["A"].penalty_s, x.cells["B"].penalty_s, x.cells["C"].penalty_s) == (5 * MIN, 10 * MIN, 0)


def test_leetcode_ranks_by_points_then_finish_time():
    log = Log()
    log.add("fast", "A", 10, AC)
    log.add("slow", "A", 8, WA).add("slow", "A", 9, AC)  # 9 + 5 = 14 minutes
    log.add("big", "B", 50, AC).add("big", "A", 55, AC)
    standings = board("leetcode", log)
    assert ranks(standings) == [("big", 1), ("fast", 2), ("slow", 3)]
    assert row(standings, "big").score == 200  # default 100 points each


# ---- atcoder ------------------------------------------------------------------------------

def test_atcoder_penalty_is_time_of_current_score_plus_5_minutes_per_incorrect_attempt():
    """AtCoder rules (https://abc075.contest.atcoder.jp/): ranked by total score, then penalty =
    time spent to get the current score + 5 minutes x incorrect attempts. DMOJ's AtCoder format
    (https://docs.dmoj.ca/#/site/contest_formats): the time is that of the last score-changing
    submission, the incorrect attempts those before the best submission on each scored problem."""
    log = Log()
    log.add("x", "A", 3, WA).add("x", "A", 10, AC)  # 100 at 10:00, 1 incorrect
    log.add("x", "B", 20, WA).add("x", "B", 24, TLE).add("x", "B", 25.5, AC)  # 200 at 25:30, 2 incorrect
    log.add("x", "C", 30, WA).add("x", "C", 35, WA).add("x", "C", 40, WA)  # 0: its tries cost nothing
    [x] = board("atcoder", log, points={"A": 100, "B": 200, "C": 300})
    assert x.score == 300
    assert x.penalty_s == 25.5 * MIN + 3 * 5 * MIN  # 40:30
    assert (x.cells["C"].tries, x.cells["C"].penalty_s, x.cells["C"].solved_at_s) == (3, 0, None)


def test_atcoder_a_later_accepted_attempt_raises_nothing_so_the_time_stays():
    log = Log().add("x", "A", 10, AC).add("x", "A", 50, WA).add("x", "A", 60, AC)
    [x] = board("atcoder", log)
    assert (x.score, x.penalty_s, x.cells["A"].tries) == (100, 10 * MIN, 1)


def test_atcoder_equal_score_and_penalty_share_a_rank():
    log = Log().add("x", "A", 10, AC).add("y", "B", 5, WA).add("y", "B", 5, AC).add("z", "C", 90, WA)
    assert ranks(board("atcoder", log)) == [("x", 1), ("y", 1), ("z", 3)]


# ---- ioi ----------------------------------------------------------------------------------

def test_ioi_best_per_category_across_submissions():
    """DMOJ's IOI format (https://docs.dmoj.ca/#/site/contest_formats): a problem's final score is
    the best score of each subtask across all submissions (their example: 30 on subtask one from the
    first submission, 40 on subtask two from the second, 70 in all, more than either submission).
    Here categories are the subtasks: neither attempt passes both, together they do."""
    log = Log()
    log.add("x", "A", 5, WA, categories_passed=frozenset({"empty"}), categories_total=2)
    log.add("x", "A", 9, WA, categories_passed=frozenset({"ties"}), categories_total=2)
    [x] = board("ioi", log)
    assert (x.score, x.cells["A"].score, x.cells["A"].solved) == (100, 100, True)
    assert x.penalty_s == 0


def test_ioi_partial_credit_is_points_times_share_of_categories_passed():
    log = Log()
    log.add("x", "A", 5, WA, categories_passed=frozenset({"c1"}), categories_total=3)
    log.add("x", "B", 6, TLE, categories_passed=frozenset({"c1", "c2"}), categories_total=4)
    [x] = board("ioi", log, points={"A": 90, "B": 50})
    assert (x.cells["A"].score, x.cells["B"].score, x.score) == (30, 25, 55)
    assert not x.cells["A"].solved


def test_ioi_an_accepted_attempt_gets_full_points_and_thirds_add_up_exactly():
    log = Log()
    log.add("full", "A", 50, AC, categories_total=3)
    log.add("thirds", "A", 5, WA, categories_passed=frozenset({"a"}), categories_total=3)
    log.add("thirds", "B", 5, WA, categories_passed=frozenset({"a", "b"}), categories_total=3)
    standings = board("ioi", log)
    assert row(standings, "full").score == row(standings, "thirds").score == 100  # 33.33 + 66.67
    assert ranks(standings) == [("full", 1), ("thirds", 1)]  # no tiebreak, however late "full" was


def test_ioi_a_worse_later_attempt_never_lowers_the_score():
    log = Log()
    log.add("x", "A", 5, WA, categories_passed=frozenset({"a", "b"}), categories_total=4)
    log.add("x", "A", 9, WA, categories_passed=frozenset(), categories_total=4)
    [x] = board("ioi", log)
    assert (x.cells["A"].score, x.cells["A"].solved_at_s, x.cells["A"].tries) == (50, 5 * MIN, 2)


# ---- every format: boundaries ------------------------------------------------------------

ALL = sorted(FORMATS)


@pytest.mark.parametrize("fmt", ALL)
def test_no_attempts_is_an_empty_board(fmt):
    assert board(fmt, Log()) == []


@pytest.mark.parametrize("fmt", ALL)
def test_all_pending_lists_everyone_at_zero_sharing_rank_1(fmt):
    log = Log().add("x", "A", 1, None).add("x", "A", 2, None).add("y", "B", 3, None)
    standings = board(fmt, log)
    assert ranks(standings) == [("x", 1), ("y", 1)]
    assert all(s.score == 0 and s.penalty_s == 0 for s in standings)
    assert (row(standings, "x").cells["A"].pending, row(standings, "x").cells["A"].tries) == (2, 0)
    assert row(standings, "y").cells["B"].pending == 1


@pytest.mark.parametrize("fmt", ALL)
@pytest.mark.parametrize("free", [CE, FI, IE])
def test_penalty_free_verdicts_never_cost_and_are_not_tries(fmt, free):
    with_free = Log().add("x", "A", 1, free).add("x", "A", 2, free).add("x", "A", 10, AC)
    without = Log().add("x", "A", 10, AC)
    [x] = board(fmt, with_free)
    [clean] = board(fmt, without)
    assert (x.score, x.penalty_s, x.cells["A"].tries) == (clean.score, clean.penalty_s, 1)


@pytest.mark.parametrize("fmt", ALL)
def test_every_participant_gets_a_cell_for_every_problem_in_contest_order(fmt):
    [x] = board(fmt, Log().add("x", "B", 1, WA))
    assert list(x.cells) == ["A", "B", "C"]
    assert (x.cells["A"].tries, x.cells["C"].tries) == (0, 0)


@pytest.mark.parametrize("fmt", ALL)
def test_the_log_order_given_does_not_matter_only_submission_ids(fmt):
    log = Log().add("x", "A", 1, WA).add("x", "A", 2, AC).add("y", "A", 3, AC).add("y", "B", 4, WA)
    shuffled = list(reversed(log.attempts))
    fmt_obj = get_format(fmt)
    assert fmt_obj.standings(rules(fmt), shuffled) == fmt_obj.standings(rules(fmt), log.attempts)


@pytest.mark.parametrize("fmt", ALL)
def test_attempts_on_a_problem_outside_the_contest_are_left_out(fmt):
    [x] = board(fmt, Log().add("x", "Z", 1, AC).add("x", "A", 2, WA))
    assert "Z" not in x.cells and x.score == 0


@pytest.mark.parametrize("fmt", ALL)
def test_first_to_solve_is_the_earliest_accepted_per_problem(fmt):
    log = Log().add("late", "A", 20, AC).add("early", "A", 7, AC).add("early", "B", 30, AC).add("other", "B", 31, AC)
    standings = board(fmt, log, problems="A B")
    assert row(standings, "early").cells["A"].first_to_solve
    assert not row(standings, "late").cells["A"].first_to_solve
    assert row(standings, "early").cells["B"].first_to_solve
    assert not row(standings, "other").cells["B"].first_to_solve


@pytest.mark.parametrize("fmt", ALL)
def test_first_to_solve_ties_mark_everyone_tied(fmt):
    """Times are each participant's own clock, so submission ids cannot say who was faster."""
    log = Log().add("x", "A", 12, AC).add("y", "A", 12, AC).add("z", "A", 12.5, AC)
    standings = board(fmt, log)
    assert [row(standings, who).cells["A"].first_to_solve for who in "xyz"] == [True, True, False]


@pytest.mark.parametrize("fmt", ALL)
def test_an_unsolved_problem_is_never_first_to_solve(fmt):
    [x] = board(fmt, Log().add("x", "A", 1, WA))
    assert not x.cells["A"].first_to_solve
