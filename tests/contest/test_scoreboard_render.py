"""The standings renderers: the rich scoreboard, the JSON export and the CSV export."""

from __future__ import annotations

import csv
import io
import json

import pytest
from rich.console import Console

from judge.contest.formats import get_format
from judge.contest.model import Attempt, ContestRules, Standing
from judge.contest.render_standings import (
    cell_label,
    penalty_label,
    problem_labels,
    scoreboard_table,
    standings_csv,
    standings_json,
)
from judge.verdicts import Verdict

AC, WA, CE = Verdict.ACCEPTED, Verdict.WRONG_ANSWER, Verdict.COMPILE_ERROR
MIN = 60
SIX = ("weekly_buckets", "top_n_words", "is_subsequence", "kmeans", "decision_tree", "logistic_regression")


def rules(fmt: str, problems: tuple[str, ...] = SIX, **extra) -> ContestRules:
    return ContestRules(name="mock round", problems=problems, duration_s=45 * MIN, format=fmt, **extra)


def standings(fmt: str, attempts: list[tuple], **rule_args) -> tuple[ContestRules, list[Standing]]:
    """attempts: (participant, problem, minute, verdict[, categories_passed, categories_total]) in submission order."""
    log = [Attempt(i, who, problem, minute * MIN, verdict, *extra) for i, (who, problem, minute, verdict, *extra)
           in enumerate(attempts, start=1)]
    contest = rules(fmt, **rule_args)
    return contest, get_format(fmt).standings(contest, log)


def rendered(contest: ContestRules, board: list[Standing], width: int = 80) -> str:
    out = io.StringIO()
    Console(file=out, width=width, color_system=None, force_terminal=False).print(scoreboard_table(contest, board))
    return out.getvalue()


def busy_round(fmt: str) -> tuple[ContestRules, list[Standing]]:
    """Two participants with 14-character names on all six problems: two wrong tries and a late
    accepted on five, three tries on the sixth."""
    attempts: list[tuple] = []
    for who, offset in (("ana.rodrigues2", 0), ("ben.okafor.kim", 1)):
        for i, slug in enumerate(SIX[:5]):
            attempts += [(who, slug, 10 + i + offset, WA), (who, slug, 30 + i + offset, WA),
                         (who, slug, 40 + i + offset, AC)]
        attempts += [(who, SIX[5], 44, WA)] * 3
    return standings(fmt, attempts)


# ---- the scoreboard --------------------------------------------------------------------

def test_icpc_cells_show_tries_and_minute_and_the_first_solver():
    contest, board = standings("icpc", [
        ("ana", "kmeans", 3, WA), ("ana", "kmeans", 20, WA), ("ana", "kmeans", 37.9, AC),
        ("ben", "kmeans", 39, AC), ("ben", "top_n_words", 5, WA), ("ben", "top_n_words", 6, WA),
        ("ben", "top_n_words", 7, WA),
    ])
    text = rendered(contest, board)
    assert "+2 / 37*" in text  # ana: 2 rejected, accepted in minute 37, first to solve kmeans
    assert "+ / 39" in text and "+ / 39*" not in text
    assert "-3" in text
    assert "D=kmeans" in text and "first to solve" in text


@pytest.mark.parametrize("fmt", ["icpc", "leetcode", "atcoder", "ioi"])
def test_six_problems_fit_in_80_columns_with_nothing_cut(fmt):
    contest, board = busy_round(fmt)
    text = rendered(contest, board)
    assert max(len(line) for line in text.splitlines()) <= 80
    assert "…" not in text  # neither a result nor a short name was cut
    for standing in board:
        row = next(line for line in text.splitlines() if standing.participant in line)
        for slug in SIX:
            label = cell_label(get_format(fmt), standing.cells[slug])
            assert label in row, f"{label!r} missing from {row!r}"


def test_points_formats_show_points_and_penalised_tries():
    contest, board = standings("leetcode", [
        ("ana", "kmeans", 3, WA), ("ana", "kmeans", 4, CE), ("ana", "kmeans", 10, AC),
        ("ana", "top_n_words", 12, WA),
    ], points={"kmeans": 5})
    [ana] = board
    fmt = get_format("leetcode")
    assert cell_label(fmt, ana.cells["kmeans"]) == "5 (1)*"  # the compile error is not a try
    assert cell_label(fmt, ana.cells["top_n_words"]) == "-1"
    assert "15:00" in rendered(contest, board)  # finish: accepted at 10:00 + 5 minutes


def test_ioi_shows_partial_points_and_no_penalty_column():
    contest, board = standings("ioi", [("ana", "kmeans", 3, WA, frozenset({"a"}), 3)])
    text = rendered(contest, board)
    assert "33.33" in text
    assert "time" not in text.splitlines()[1]  # the header row: no penalty column


def test_pending_attempts_show_as_a_question_mark_with_their_count():
    contest, board = standings("icpc", [("ana", "kmeans", 3, WA), ("ana", "kmeans", 5, None),
                                        ("ana", "kmeans", 6, None)])
    [ana] = board
    assert cell_label(get_format("icpc"), ana.cells["kmeans"]) == "-1 ?2"
    assert "?2" in rendered(contest, board)


def test_a_name_with_markup_is_shown_as_typed():
    contest, board = standings("icpc", [("[bold]eve[/]", "kmeans", 3, AC)], problems=("kmeans",))
    assert "[bold]eve[/]" in rendered(contest, board)


def test_an_empty_board_still_renders_its_header():
    text = rendered(rules("icpc"), [])
    assert "participant" in text and "A=weekly_buckets" in text


# ---- JSON ------------------------------------------------------------------------------

def test_json_is_versioned_and_carries_every_cell():
    contest, board = standings("icpc", [("ana", "kmeans", 3, WA), ("ana", "kmeans", 37, AC),
                                        ("ben", "kmeans", 40, None)], problems=("kmeans", "top_n_words"))
    data = json.loads(json.dumps(standings_json(contest, board)))  # survives a real round trip
    assert data["schema_version"] == 1
    assert (data["contest"], data["format"], data["penalty_unit"]) == ("mock round", "icpc", "minute")
    assert [p["slug"] for p in data["problems"]] == ["kmeans", "top_n_words"]
    assert [p["label"] for p in data["problems"]] == ["A", "B"]
    ana, ben = data["standings"]
    assert (ana["rank"], ana["participant"], ana["score"], ana["penalty_s"]) == (1, "ana", 1, 57 * MIN)
    assert ana["cells"]["kmeans"] == {
        "score": 1, "solved": True, "tries": 2, "penalty_s": 57 * MIN, "solved_at_s": 37 * MIN,
        "first_to_solve": True, "pending": 0,
    }
    assert list(ana["cells"]) == ["kmeans", "top_n_words"]
    assert (ben["rank"], ben["cells"]["kmeans"]["pending"]) == (2, 1)


def test_json_lists_each_problems_points_for_points_formats():
    contest, board = standings("ioi", [], problems=("kmeans", "top_n_words"), points={"kmeans": 40})
    data = standings_json(contest, board)
    assert [p["points"] for p in data["problems"]] == [40, 100]
    assert data["standings"] == [] and data["penalty_unit"] is None


# ---- CSV -------------------------------------------------------------------------------

def read_csv(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_csv_has_one_row_per_participant_and_a_column_per_problem():
    contest, board = standings("atcoder", [
        ("ana", "kmeans", 3, WA), ("ana", "kmeans", 10, AC), ("ana", "top_n_words", 20, WA),
        ("ben", "kmeans", 12, AC),
    ], problems=("kmeans", "top_n_words", "decision_tree"), points={"kmeans": 300})
    rows = read_csv(standings_csv(contest, board))
    assert rows == [  # ben first: 12:00 beats ana's 10:00 + 5 minutes for her wrong try
        {"rank": "1", "participant": "ben", "score": "300", "penalty_s": "720",
         "kmeans": "300", "top_n_words": "", "decision_tree": ""},
        {"rank": "2", "participant": "ana", "score": "300", "penalty_s": "900",
         "kmeans": "300", "top_n_words": "0", "decision_tree": ""},  # tried and scored 0, versus never tried
    ]


def test_csv_keeps_a_participant_name_from_running_as_a_spreadsheet_formula():
    contest, board = standings("icpc", [("=HYPERLINK(1)", "kmeans", 3, AC), ("a, \"b\"", "kmeans", 4, AC)],
                               problems=("kmeans",))
    rows = read_csv(standings_csv(contest, board))
    assert [row["participant"] for row in rows] == ["'=HYPERLINK(1)", 'a, "b"']
    assert [row["kmeans"] for row in rows] == ["1", "1"]


def test_csv_of_an_empty_board_is_just_the_header():
    text = standings_csv(rules("leetcode", problems=("kmeans",)), [])
    assert text == "rank,participant,score,penalty_s,kmeans\r\n"


# ---- labels the round's own views reuse ----------------------------------------------------

def test_penalty_reads_in_whole_minutes_for_icpc_and_minutes_seconds_otherwise():
    assert penalty_label(get_format("icpc"), 135 * MIN + 59.9) == "135"
    assert penalty_label(get_format("atcoder"), 40 * MIN + 30) == "40:30"
    assert penalty_label(get_format("leetcode"), 94 * MIN + 5.7) == "94:05"


def test_problems_are_lettered_in_contest_order_then_numbered_past_z():
    slugs = tuple(f"p{i}" for i in range(28))
    labels = problem_labels(rules("icpc", problems=slugs))
    assert [labels[s] for s in slugs[:3]] == ["A", "B", "C"]
    assert (labels["p25"], labels["p26"], labels["p27"]) == ("Z", "27", "28")


def test_csv_writes_long_penalties_as_plain_numbers():
    contest, board = standings("leetcode", [("ana", "kmeans", 7 * 24 * 60 + 0.5, AC)], problems=("kmeans",))
    [row] = read_csv(standings_csv(contest, board))
    assert row["penalty_s"] == "604830"
