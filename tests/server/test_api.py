"""The JSON API on a real uvicorn server: tokens, owner-only reads, the rules an upload must meet."""

from __future__ import annotations

import base64
from pathlib import Path

from judge.contest.clock import FakeClock
from judge.verdicts import Verdict
from tests.server.conftest import CORRECT, SLUGS, START, Served, serving

WRONG = b"def is_subsequence(s, t):\n    return True\n"


def test_the_contest_shows_its_problems_clock_and_freeze_to_anyone(served: Served):
    with served.client() as client:
        body = client.get("/api/contest").json()
    assert [p["slug"] for p in body["problems"]] == list(SLUGS)
    assert body["problems"][0]["label"] == "A" and body["problems"][0]["title"] == "Is Subsequence"
    assert body["clock"]["phase"] == "running" and body["clock"]["ends_at"] == START + 2700
    assert body["freeze_s"] == 600 and body["clock"]["freeze_starts_at"] == START + 2100
    assert body["you"] is None
    assert body["queue"] == {"queued": 0, "judging": 0}


def test_a_submission_is_recorded_and_its_owner_reads_it(served: Served):
    created = served.submit("ana")
    assert created.status_code == 201
    with served.client("ana") as client:
        shown = client.get(created.json()["url"]).json()
    assert shown["verdict"] == "accepted" and shown["source"] == CORRECT.decode()
    assert shown["filename"] == "solution.py"


def test_json_with_base64_is_the_other_way_to_submit(served: Served):
    with served.client("ana") as client:
        response = client.post("/api/submissions", json={
            "problem": SLUGS[0], "filename": "mine.py", "source_base64": base64.b64encode(CORRECT).decode()})
    assert response.status_code == 201, response.text
    assert served.rows() == 1


def test_without_a_valid_token_nothing_is_recorded(served: Served):
    with served.client() as client:
        anonymous = client.post("/api/submissions", data={"problem": SLUGS[0]},
                                files={"file": ("a.py", CORRECT)})
        wrong = client.post("/api/submissions", data={"problem": SLUGS[0]}, files={"file": ("a.py", CORRECT)},
                            headers={"Authorization": "Bearer not-a-token"})
        in_query = client.post(f"/api/submissions?token={served.tokens['ana']}", data={"problem": SLUGS[0]},
                               files={"file": ("a.py", CORRECT)})
    assert (anonymous.status_code, wrong.status_code, in_query.status_code) == (401, 401, 401)
    assert "token" in wrong.json()["error"]
    assert served.rows() == 0


def test_another_participants_submission_is_a_404_like_one_that_does_not_exist(served: Served):
    submission_id = served.submit("ana").json()["id"]
    with served.client("bo") as client:
        others = client.get(f"/api/submissions/{submission_id}")
        missing = client.get("/api/submissions/999")
        beyond_sqlite = client.get("/api/submissions/99999999999999999999999")
        listed = client.get("/api/submissions").json()
    assert others.status_code == missing.status_code == beyond_sqlite.status_code == 404
    assert others.json() == missing.json()
    assert listed == {"submissions": []}


def test_the_rate_limit_answers_429_with_retry_after_and_records_nothing(served: Served):
    served.hosted.min_interval_s = 10
    assert served.submit("ana").status_code == 201
    served.clock.advance(3)
    refused = served.submit("ana")
    assert refused.status_code == 429
    assert refused.headers["retry-after"] == "7"
    assert served.submit("bo").status_code == 201  # a limit per participant
    served.clock.advance(7)
    assert served.submit("ana").status_code == 201
    assert served.rows() == 3


def test_an_upload_over_256_kib_is_refused_with_413(served: Served):
    padding = b"#" * (256 * 1024)
    refused = served.submit("ana", CORRECT + padding)
    assert refused.status_code == 413
    assert "256 KiB" in refused.json()["error"]
    assert served.rows() == 0


def test_a_file_that_is_not_utf8_or_not_python_is_refused_with_a_reason(served: Served):
    latin1 = served.submit("ana", "# café\n".encode("latin-1") + CORRECT)
    broken = served.submit("ana", b"def is_subsequence(s, t)\n    return True\n")
    assert latin1.status_code == broken.status_code == 422
    assert "not UTF-8" in latin1.json()["error"]
    assert "compiles" in broken.json()["error"] and "line 1" in broken.json()["error"]
    assert served.rows() == 0


def test_a_problem_outside_the_contest_is_a_404_and_never_a_path(served: Served):
    for slug in ("../../etc/passwd", "two_sum", "/tmp/x"):
        refused = served.submit("ana", problem=slug)
        assert refused.status_code == 404, slug
        assert "has no problem" in refused.json()["error"]
    assert served.rows() == 0


def test_after_the_end_submissions_are_refused_with_409(served: Served):
    served.clock.set(START + 2700)
    refused = served.submit("ana")
    assert refused.status_code == 409
    assert "over" in refused.json()["error"] and "not recorded" in refused.json()["error"]
    assert served.rows() == 0


def _cell(board: dict, who: str, slug: str = SLUGS[0]) -> dict:
    row = next(row for row in board["standings"] if row["participant"] == who)
    return row["cells"][slug]


def test_after_the_freeze_others_see_pending_whatever_the_verdict(served: Served):
    served.queue.verdicts[WRONG] = Verdict.WRONG_ANSWER
    served.submit("ana", WRONG)  # before the freeze: seen by all
    served.clock.set(START + 2200)  # frozen from START + 2100
    served.submit("ana", CORRECT)
    served.clock.advance(1)
    served.submit("bo", WRONG)
    with served.client() as visitor, served.client("bo") as bo, served.client("ana") as ana:
        public, bo_view, ana_view = (c.get("/api/scoreboard").json() for c in (visitor, bo, ana))
    assert public["clock"]["frozen"]
    # ana's accepted try and bo's wrong one look the same to everyone else: one pending, no verdict.
    for board, who in ((public, "ana"), (public, "bo"), (bo_view, "ana")):
        cell = _cell(board, who)
        assert (cell["pending"], cell["solved"]) == (1, False), (who, cell)
    assert _cell(public, "ana")["tries"] == 1 and _cell(public, "bo")["tries"] == 0
    assert _cell(ana_view, "ana")["solved"]  # her own results stay visible to her
    assert _cell(bo_view, "bo")["tries"] == 1


def test_a_participant_with_a_window_submits_only_inside_it_and_counts_from_its_start(served: Served):
    served.add("cy", window_s=600)
    served.clock.advance(100)
    assert served.submit("cy").status_code == 409  # not started yet
    with served.client("cy") as client:
        started = client.post("/api/start").json()
        served.clock.advance(90)
        assert served.submit("cy").status_code == 201
        board = client.get("/api/scoreboard").json()
        served.clock.advance(600)
        late = served.submit("cy")
    assert started["window"]["starts_at"] == START + 100 and started["window"]["ends_at"] == START + 700
    assert _cell(board, "cy")["solved_at_s"] == 90  # from her own start, not the contest's
    assert late.status_code == 409 and "window is over" in late.json()["error"]


def test_feedback_modes_decide_what_an_owner_reads(tmp_path: Path):
    for feedback, during, after in (("hidden", ("held", None, None), ("judged", "accepted", True)),
                                    ("verdict", ("judged", "accepted", None), ("judged", "accepted", True))):
        (tmp_path / feedback).mkdir()
        with serving(tmp_path / feedback, FakeClock(START), feedback=feedback) as served:
            url = served.submit("ana").json()["url"]
            with served.client("ana") as client:
                shown = client.get(url).json()
                served.clock.set(START + 2700)
                later = client.get(url).json()
        assert (shown["state"], shown["verdict"], shown["report"]) == during, feedback
        assert (later["state"], later["verdict"], later["report"] and True) == after, feedback
