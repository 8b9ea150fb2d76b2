"""The web pages: the live scoreboard, the problem statements, a participant's own submissions.

Rendered on the server with Jinja2, autoescaping everything: a participant's
name, a solution's output and a report are text, never markup. The
statements are Markdown rendered with raw HTML disabled (markdown-it-py,
which rich already brings), so a statement cannot carry a script either.
The only script is a static file (the page's Content-Security-Policy allows
no other): it refreshes the scoreboard and moves the countdown.
"""

from __future__ import annotations

from collections.abc import Mapping
from importlib import resources
from typing import Any
from urllib.parse import parse_qs

import jinja2
from markdown_it import MarkdownIt
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Route
from starlette.templating import Jinja2Templates

from judge.contest.formats import DisplayedFormat, get_format
from judge.contest.model import ProblemCell, Standing
from judge.contest.render_standings import cell_label, penalty_label, problem_labels
from judge.contest.store import ContestRecord, Participant
from judge.server import auth
from judge.server.api import parse_form, read_capped_body, upload_fields
from judge.server.auth import hosted
from judge.server.hosting import Refused

FAILED_CASES_SHOWN = 5
SMALL_FORM_BYTES = 16 * 1024

_environment = jinja2.Environment(
    loader=jinja2.PackageLoader("judge.server", "templates"),
    autoescape=True,  # every template, whatever its name: user text is always escaped
    undefined=jinja2.StrictUndefined,
)
templates = Jinja2Templates(env=_environment)
_markdown = MarkdownIt("commonmark", {"html": False}).enable("table")


def render_statement(spec: str) -> str:
    """A spec.md as HTML: raw HTML in it is shown as text, and an unsafe link (javascript:) stays text."""
    return _markdown.render(spec)


def page(request: Request, name: str, context: dict[str, Any], status_code: int = 200,
         headers: Mapping[str, str] | None = None) -> HTMLResponse:
    return templates.TemplateResponse(request, name, {"poll_s": request.app.state.poll_s, **context},
                                      status_code=status_code, headers=headers)


# --- the scoreboard -------------------------------------------------------------------------

async def scoreboard_page(request: Request) -> HTMLResponse:
    return page(request, "scoreboard.html", await _board_context(request))


async def scoreboard_live(request: Request) -> HTMLResponse:
    """The board alone, which the page's script swaps in every few seconds."""
    return page(request, "board.html", await _board_context(request))


async def _board_context(request: Request) -> dict[str, Any]:
    who = await auth.viewer(request)
    record, standings = await run_in_threadpool(hosted(request).board, who.name if who else None)
    return {"record": record, "you": who, "clock": hosted(request).clock_view(record, who),
            "board": board_view(record, standings), "labels": problem_labels(record.rules)}


def board_view(record: ContestRecord, standings: list[Standing]) -> dict[str, Any]:
    """The standings as the template shows them: labels computed here, escaping left to Jinja2."""
    fmt = get_format(record.rules.format)
    rows = [{"rank": standing.rank, "participant": standing.participant, "score": f"{standing.score:.12g}",
             "penalty": penalty_label(fmt, standing.penalty_s) if fmt.penalty_unit else None,
             "cells": [_cell_view(fmt, standing.cells.get(slug)) for slug in record.rules.problems]}
            for standing in standings]
    return {"format": fmt.name, "scores_points": fmt.scores_points, "has_penalty": bool(fmt.penalty_unit),
            "rows": rows}


def _cell_view(fmt: DisplayedFormat, cell: ProblemCell | None) -> dict[str, Any]:
    if cell is None:
        return {"text": "", "solved": False, "first": False, "pending": 0, "tried": False}
    return {"text": cell_label(fmt, cell), "solved": cell.solved, "first": cell.first_to_solve,
            "pending": cell.pending, "tried": bool(cell.tries)}


# --- problem statements ---------------------------------------------------------------------

async def problem_page(request: Request) -> HTMLResponse:
    who = await auth.viewer(request)
    record = await run_in_threadpool(hosted(request).record)
    slug = request.path_params["slug"]
    if slug not in record.rules.problems:  # checked before anything is looked up by it
        raise Refused(404, f"contest {record.name!r} has no problem {slug!r}.")
    if not hosted(request).statements_visible(record, who):
        raise Refused(403, "the statements open when your round starts: log in, and start your window if you "
                           "have one.")
    problem = await run_in_threadpool(hosted(request).problems.get, slug)
    spec = await run_in_threadpool(problem.spec_path.read_text, "utf-8")
    return page(request, "problem.html", {"record": record, "you": who, "problem": problem,
                                          "label": problem_labels(record.rules)[slug],
                                          "statement": render_statement(spec)})


async def small_form(request: Request) -> dict[str, str]:
    """A form of a few short fields (log in, log out, start): the body is capped before it is parsed."""
    body = await read_capped_body(request, SMALL_FORM_BYTES)
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind == "application/x-www-form-urlencoded":
        try:
            fields = parse_qs(body.decode("latin-1"), max_num_fields=10)
        except ValueError as exc:  # more fields than any of our forms has
            raise Refused(400, "the form has too many fields.") from exc
        return {name: values[0] for name, values in fields.items()}
    if kind == "multipart/form-data":
        form = await parse_form(request, body)
        return {name: value for name, value in form.items() if isinstance(value, str)}
    raise Refused(415, "send the form as the page does (application/x-www-form-urlencoded).")


# --- logging in -----------------------------------------------------------------------------

async def login_page(request: Request) -> HTMLResponse:
    record = await run_in_threadpool(hosted(request).record)
    return page(request, "login.html", {"record": record, "you": None, "error": None})


async def login(request: Request) -> Response:
    record = await run_in_threadpool(hosted(request).record)
    form = await small_form(request)
    token = form.get("token")
    participant = None
    if isinstance(token, str) and token.strip():
        participant = await run_in_threadpool(hosted(request).authenticate, token.strip())
    if participant is None:
        return page(request, "login.html", {"record": record, "you": None,
                                            "error": "That token belongs to no participant of this contest."},
                    status_code=401)
    auth.log_in(request, participant)
    return RedirectResponse("/me", status_code=303)


async def logout(request: Request) -> Response:
    form = await small_form(request)
    auth.check_form_token(request, form.get("form_token"))
    auth.log_out(request)
    return RedirectResponse("/", status_code=303)


# --- a participant's own page ---------------------------------------------------------------

async def my_page(request: Request) -> Response:
    who = await auth.from_session(request)
    if who is None:
        return RedirectResponse("/login", status_code=303)
    return await _my_page(request, who)


async def my_live_table(request: Request) -> Response:
    """The participant's submissions table alone, which the page's script swaps in every few seconds."""
    who = await auth.from_session(request)
    if who is None:
        raise Refused(401, "log in again.")
    return page(request, "mine_table.html", await _mine(request, who))


async def _mine(request: Request, who: Participant) -> dict[str, Any]:
    record, items = await run_in_threadpool(hosted(request).own_submissions, who.name)
    rows = [{"item": item, **hosted(request).feedback(record, item)} for item in reversed(items)]
    return {"record": record, "you": who, "rows": rows, "labels": problem_labels(record.rules)}


async def _my_page(request: Request, who: Participant, error: str | None = None,
                   status_code: int = 200) -> HTMLResponse:
    mine = await _mine(request, who)
    record = mine["record"]
    return page(request, "mine.html", {
        **mine, "clock": hosted(request).clock_view(record, who), "form_token": auth.form_token(request),
        "error": error, "statements": hosted(request).statements_visible(record, who)}, status_code)


async def upload(request: Request) -> Response:
    who = await auth.from_session(request)
    if who is None:
        return RedirectResponse("/login", status_code=303)
    try:
        body = await read_capped_body(request)
        form = await parse_form(request, body)
        try:
            auth.check_form_token(request, form.get("form_token"))
            problem, filename, source = await upload_fields(form)
        finally:
            await form.close()
        item = await run_in_threadpool(hosted(request).submit, who.name, problem, filename, source)
    except Refused as refusal:
        return await _my_page(request, who, error=refusal.message, status_code=refusal.status)
    return RedirectResponse(f"/me?submitted={item.id}", status_code=303)


async def start_window(request: Request) -> Response:
    who = await auth.from_session(request)
    if who is None:
        return RedirectResponse("/login", status_code=303)
    form = await small_form(request)
    try:
        auth.check_form_token(request, form.get("form_token"))
        await run_in_threadpool(hosted(request).start_window, who.name)
    except Refused as refusal:
        return await _my_page(request, who, error=refusal.message, status_code=refusal.status)
    return RedirectResponse("/me", status_code=303)


async def my_submission(request: Request) -> Response:
    who = await auth.from_session(request)
    if who is None:
        return RedirectResponse("/login", status_code=303)
    found = await run_in_threadpool(hosted(request).own_submission, who.name, request.path_params["id"])
    if found is None:
        raise Refused(404, "no such submission of yours.")
    record, item = found
    shown = hosted(request).feedback(record, item)
    return page(request, "submission.html", {
        "record": record, "you": who, "item": item, "shown": shown, "source": item.source.decode("utf-8", "replace"),
        "report": report_view(shown["report"]), "labels": problem_labels(record.rules)})


def report_view(report: dict[str, Any] | None) -> dict[str, Any] | None:
    """What the page shows of a run's JSON report: the message, the failed cases, the captured output."""
    if not report:
        return None
    cases = report.get("cases") or []
    failed = [case for case in cases if case.get("verdict") != "accepted"]
    categories: dict[str, list[int]] = {}
    for case in cases:
        passed, total = categories.setdefault(case.get("category", ""), [0, 0])
        categories[case.get("category", "")] = [passed + (case.get("verdict") == "accepted"), total + 1]
    return {"message": report.get("message", ""), "failed": failed[:FAILED_CASES_SHOWN],
            "more_failed": max(0, len(failed) - FAILED_CASES_SHOWN), "categories": categories,
            "output": report.get("output") or {}, "duration_s": report.get("duration_s")}


# --- static files (read once from the package; no request value picks a file) ---------------

def _static(name: str, media_type: str) -> Route:
    content = resources.files("judge.server").joinpath("static", name).read_bytes()

    async def serve(_: Request) -> Response:
        return Response(content, media_type=media_type, headers={"Cache-Control": "max-age=300"})

    return Route(f"/static/{name}", serve)


ROUTES = [
    Route("/", scoreboard_page),
    Route("/scoreboard/live", scoreboard_live),
    Route("/problems/{slug}", problem_page),
    Route("/login", login_page, methods=["GET"]),
    Route("/login", login, methods=["POST"]),
    Route("/logout", logout, methods=["POST"]),
    Route("/me", my_page),
    Route("/me/live", my_live_table),
    Route("/me/submissions", upload, methods=["POST"]),
    Route("/me/start", start_window, methods=["POST"]),
    Route("/me/submissions/{id:int}", my_submission),
    _static("style.css", "text/css"),
    _static("board.js", "text/javascript"),
]
