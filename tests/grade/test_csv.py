"""The CSV gradebook, read back with the csv module."""

from __future__ import annotations

import csv
import io

from judge.grade.discovery import Discovery
from judge.grade.gradebook import build_gradebook
from judge.grade.render_csv import render_csv
from judge.grade.roster import Roster
from tests.grade.test_junit import ROOT, _case, _outcome


def test_a_row_per_member_a_column_per_problem_and_the_total() -> None:
    outcomes = [
        _outcome("ann", "is_subsequence", "accepted", cases=[_case()]),
        _outcome("ann", "top_n_words", "wrong_answer", cases=[
            _case(), {**_case("wrong_answer"), "category": "ties"}, {**_case(), "category": "unicode"}]),
        _outcome('=cmd|"/c calc"!A1, "x"', "is_subsequence", "compile_error", message="line 1"),
    ]
    found = Discovery(ROOT, Roster(), ["ann", '=cmd|"/c calc"!A1, "x"'], ["is_subsequence", "top_n_words"],
                      [o.submission for o in outcomes])
    text = render_csv(build_gradebook(found, outcomes, {}))

    assert text.splitlines()[0] == "member,is_subsequence,top_n_words,total,max_total"
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[1] == ["ann", "100", "66.67", "166.67", "200"]
    # A name a spreadsheet would run as a formula is shown as text; its comma and quotes survive.
    assert rows[2] == ["'=cmd|\"/c calc\"!A1, \"x\"", "0", "", "0", "100"]
    assert len(rows) == 3
