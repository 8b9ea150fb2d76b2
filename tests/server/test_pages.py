"""The web pages on a real uvicorn server: escaping, the session cookie, the upload form's token."""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator

import httpx

from judge.server.pages import render_statement
from tests.server.conftest import CORRECT, SLUGS, START, Served

HOSTILE = "<script>alert('x')</script>"


@contextlib.contextmanager
def logged_in(served: Served, who: str) -> Iterator[httpx.Client]:
    with served.client(follow_redirects=False) as client:
        response = client.post("/login", data={"token": served.tokens[who]})
        assert response.status_code == 303 and response.headers["location"] == "/me"
        yield client


def form_token(page: str) -> str:
    return re.search(r'name="form_token" value="([^"]+)"', page).group(1)


def test_a_hostile_participant_name_is_shown_as_text_on_the_scoreboard(served: Served):
    served.add(HOSTILE)
    served.submit(HOSTILE)
    with served.client() as client:
        page = client.get("/").text
        live = client.get("/scoreboard/live").text
    for html in (page, live):
        assert HOSTILE not in html
        assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in html


def test_what_a_solution_prints_is_shown_as_text_in_its_report(served: Served):
    source = CORRECT + b"\nprint('<img src=x onerror=alert(1)>')\n"
    served.queue.prints[source] = "<img src=x onerror=alert(1)>\n"
    submission_id = served.submit("ana", source).json()["id"]
    with logged_in(served, "ana") as client:
        page = client.get(f"/me/submissions/{submission_id}").text
    assert "<img src=x" not in page
    assert page.count("&lt;img src=x onerror=alert(1)&gt;") == 2  # in the output and in the source


def test_pages_forbid_inline_scripts_and_framing(served: Served):
    with served.client() as client:
        headers = client.get("/").headers
    assert "script-src 'self'" in headers["content-security-policy"]
    assert "frame-ancestors 'none'" in headers["content-security-policy"]
    assert headers["x-content-type-options"] == "nosniff"


def test_logging_in_sets_a_signed_httponly_samesite_strict_cookie(served: Served):
    with served.client(follow_redirects=False) as client:
        response = client.post("/login", data={"token": served.tokens["ana"]})
        cookie = response.headers["set-cookie"].lower()
        assert "httponly" in cookie and "samesite=strict" in cookie
        assert served.tokens["ana"].lower() not in cookie  # the token is never in the cookie
        assert client.get("/me").status_code == 200
        client.cookies.set("judge_session", client.cookies["judge_session"][:-3] + "AAA")  # tampered
        assert client.get("/me").headers["location"] == "/login"


def test_a_wrong_token_does_not_log_in(served: Served):
    with served.client(follow_redirects=False) as client:
        response = client.post("/login", data={"token": "guess"})
    assert response.status_code == 401 and "set-cookie" not in response.headers


def test_the_upload_form_records_a_submission_and_lists_it(served: Served):
    with logged_in(served, "ana") as client:
        token = form_token(client.get("/me").text)
        response = client.post("/me/submissions", data={"form_token": token, "problem": SLUGS[0]},
                               files={"file": ("mine.py", CORRECT, "text/x-python")})
        assert response.status_code == 303
        page = client.get("/me").text
    assert "mine.py" in page and "accepted" in page
    assert served.rows() == 1


def test_the_upload_form_without_its_form_token_is_refused(served: Served):
    with logged_in(served, "ana") as client:
        response = client.post("/me/submissions", data={"form_token": "forged", "problem": SLUGS[0]},
                               files={"file": ("mine.py", CORRECT)})
    assert response.status_code == 403 and "reload the page" in response.text
    assert served.rows() == 0


def test_the_upload_form_shows_why_a_file_was_refused(served: Served):
    with logged_in(served, "ana") as client:
        token = form_token(client.get("/me").text)
        response = client.post("/me/submissions", data={"form_token": token, "problem": SLUGS[0]},
                               files={"file": ("mine.py", b"\xff\xfe not text")})
    assert response.status_code == 422 and "not UTF-8" in response.text
    assert served.rows() == 0


def test_someone_elses_submission_page_is_a_404(served: Served):
    submission_id = served.submit("ana").json()["id"]
    with logged_in(served, "bo") as client:
        assert client.get(f"/me/submissions/{submission_id}").status_code == 404


def test_statements_open_to_participants_while_running_and_to_everyone_after(served: Served):
    with served.client() as visitor, logged_in(served, "ana") as ana:
        assert visitor.get(f"/problems/{SLUGS[0]}").status_code == 403
        assert "Is Subsequence" in ana.get(f"/problems/{SLUGS[0]}").text
        assert ana.get("/problems/..%2F..%2Fetc%2Fpasswd").status_code == 404
        served.clock.set(START + 2700)
        assert visitor.get(f"/problems/{SLUGS[1]}").status_code == 200


def test_a_statement_cannot_carry_markup():
    html = render_statement("# Title\n\n<script>alert(1)</script>\n\n[x](javascript:alert(1))\n\n| a |\n|---|\n| 1 |\n")
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert 'href="javascript:' not in html  # left as plain text, never a link
    assert "<h1>Title</h1>" in html and "<table>" in html


def test_an_unexpected_error_shows_a_generic_page_never_a_traceback(served: Served):
    served.db.write_bytes(b"not a database any more")
    with served.client() as client:
        response = client.get("/api/scoreboard")
    assert response.status_code == 500
    assert "Traceback" not in response.text and "internal error" in response.json()["error"]


def test_the_session_cookie_alone_cannot_post_to_the_api(served: Served):
    with logged_in(served, "ana") as client:
        refused = client.post("/api/submissions", data={"problem": SLUGS[0]}, files={"file": ("a.py", CORRECT)})
        own_list = client.get("/api/submissions")
    assert refused.status_code == 401 and served.rows() == 0
    assert own_list.status_code == 200  # reading with the cookie is fine


def test_an_unknown_address_is_a_404_page_or_json_under_the_api(served: Served):
    with served.client() as client:
        page, api, wrong_method = client.get("/nope"), client.get("/api/nope"), client.delete("/api/contest")
    assert page.status_code == 404 and "nothing here" in page.text and page.headers["content-type"].startswith("text/html")
    assert api.status_code == 404 and api.json() == {"error": "there is nothing here."}
    assert wrong_method.status_code == 405 and "error" in wrong_method.json()


def test_a_huge_or_crowded_login_form_is_refused_before_it_is_parsed(served: Served):
    with served.client() as client:
        huge = client.post("/login", data={"token": "x" * (1024 * 1024)})
        crowded = client.post("/login", content="&".join(f"f{i}=1" for i in range(50)),
                              headers={"content-type": "application/x-www-form-urlencoded"})
    assert huge.status_code == 413 and crowded.status_code == 400


def test_the_scoreboard_page_says_when_it_is_frozen(served: Served):
    with served.client() as client:
        before = client.get("/").text
        served.clock.set(START + 2100)
        during = client.get("/scoreboard/live").text
    assert "Scoreboard frozen" not in before and "Scoreboard frozen" in during


def test_a_participant_with_a_window_starts_it_from_their_page(served: Served):
    served.add("cy", window_s=600)
    served.clock.advance(60)
    with logged_in(served, "cy") as client:
        page = client.get("/me").text
        assert "Start my window" in page and "/problems/is_subsequence" not in page  # no statements before the start
        started = client.post("/me/start", data={"form_token": form_token(page)})
        after = client.get("/me").text
    assert started.status_code == 303
    assert "Start my window" not in after and "Your window" in after and "/problems/is_subsequence" in after
    assert served.hosted.participant("cy").started_at == START + 60
