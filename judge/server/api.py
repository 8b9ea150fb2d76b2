"""The JSON API (docs/contest-server.md): the contest, the scoreboard, submissions.

Every answer is JSON; every refusal is `{"error": message}` with its status.
A submission is read by its owner only: anyone else gets the same 404 as for
a submission that does not exist, so ids reveal nothing.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import AsyncGenerator
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData, UploadFile
from starlette.formparsers import MultiPartException, MultiPartParser
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from judge.contest.render_standings import problem_labels, standings_json
from judge.contest.store import ContestRecord, Submission
from judge.server.auth import hosted, required_participant, viewer
from judge.server.hosting import MAX_SOURCE_BYTES, Refused

# The body may hold the source base64-encoded (4/3 of it) plus the form or JSON around it.
MAX_BODY_BYTES = MAX_SOURCE_BYTES * 4 // 3 + 64 * 1024


async def contest(request: Request) -> JSONResponse:
    who = await viewer(request)
    hosted_contest = hosted(request)
    record = await run_in_threadpool(hosted_contest.record)
    rules = record.rules
    labels = problem_labels(rules)
    titles = await run_in_threadpool(_titles, request, rules.problems)
    return JSONResponse({
        "name": rules.name, "format": rules.format, "feedback": rules.feedback, "freeze_s": rules.freeze_s,
        "problems": [{"slug": slug, "label": labels[slug], "title": titles[slug],
                      "points": rules.points.get(slug, 100)} for slug in rules.problems],
        "clock": hosted_contest.clock_view(record, who),
        "you": who.name if who else None,
        "queue": hosted_contest.queue.counts(),  # submissions waiting and being judged
    })


def _titles(request: Request, slugs: tuple[str, ...]) -> dict[str, str]:
    problems = hosted(request).problems
    return {slug: problems.get(slug).title for slug in slugs}


async def scoreboard(request: Request) -> JSONResponse:
    who = await viewer(request)
    record, standings = await run_in_threadpool(hosted(request).board, who.name if who else None)
    body = standings_json(record.rules, standings)
    body["clock"] = hosted(request).clock_view(record, who)
    return JSONResponse(body)


async def start(request: Request) -> JSONResponse:
    who = await required_participant(request, header_only=True)
    participant = await run_in_threadpool(hosted(request).start_window, who.name)
    record = await run_in_threadpool(hosted(request).record)
    return JSONResponse(hosted(request).clock_view(record, participant))


async def create_submission(request: Request) -> JSONResponse:
    who = await required_participant(request, header_only=True)
    body = await read_capped_body(request)
    problem, filename, source = await _upload_from(request, body)
    item = await run_in_threadpool(hosted(request).submit, who.name, problem, filename, source)
    return JSONResponse({"id": item.id, "problem": item.problem, "state": item.state,
                         "url": f"/api/submissions/{item.id}"}, status_code=201)


async def list_submissions(request: Request) -> JSONResponse:
    who = await required_participant(request)
    record, items = await run_in_threadpool(hosted(request).own_submissions, who.name)
    return JSONResponse({"submissions": [_submission_json(request, record, item, with_source=False)
                                         for item in items]})


async def read_submission(request: Request) -> JSONResponse:
    who = await required_participant(request)
    found = await run_in_threadpool(hosted(request).own_submission, who.name, request.path_params["id"])
    if found is None:
        raise Refused(404, "no such submission of yours.")
    record, item = found
    return JSONResponse(_submission_json(request, record, item, with_source=True))


def _submission_json(request: Request, record: ContestRecord, item: Submission, with_source: bool) -> dict[str, Any]:
    shown = {"id": item.id, "problem": item.problem, "filename": item.filename, "sha256": item.sha256,
             "submitted_at": item.submitted_at, **hosted(request).feedback(record, item)}
    if with_source:
        shown["source"] = item.source.decode("utf-8", errors="replace")
    return shown


# --- reading an upload ----------------------------------------------------------------------

async def read_capped_body(request: Request, limit: int = MAX_BODY_BYTES) -> bytes:
    """The request body, refused with 413 as soon as it grows past `limit` (never read whole first)."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise _too_large()
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise _too_large()
        chunks.append(chunk)
    return b"".join(chunks)


def _too_large() -> Refused:
    return Refused(413, f"the upload is too large: files are capped at {MAX_SOURCE_BYTES // 1024} KiB. "
                        "Nothing was recorded.")


async def _upload_from(request: Request, body: bytes) -> tuple[str, str, bytes]:
    """(problem, filename, source) from a JSON body or a multipart form."""
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind == "application/json":
        return _from_json(body)
    if kind == "multipart/form-data":
        return await _from_form(request, body)
    raise Refused(415, "send the submission as multipart/form-data (fields 'problem' and 'file') or as JSON "
                       "({\"problem\": ..., \"source_base64\": ...}).")


def _from_json(body: bytes) -> tuple[str, str, bytes]:
    try:
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError) as exc:
        raise Refused(400, "the body is not JSON.") from exc
    if not isinstance(data, dict) or not isinstance(data.get("problem"), str) \
            or not isinstance(data.get("source_base64"), str):
        raise Refused(400, "the JSON needs 'problem' (a slug) and 'source_base64' (the file, base64-encoded).")
    try:
        source = base64.b64decode(data["source_base64"], validate=True)
    except (binascii.Error, ValueError) as exc:
        raise Refused(400, "'source_base64' is not base64.") from exc
    filename = data.get("filename")
    return data["problem"], filename if isinstance(filename, str) else "", source


async def _from_form(request: Request, body: bytes) -> tuple[str, str, bytes]:
    form = await parse_form(request, body)
    try:
        return await upload_fields(form)
    finally:
        await form.close()


async def parse_form(request: Request, body: bytes) -> FormData:
    """A multipart form from a body already read (and capped) by read_capped_body."""
    async def replay() -> AsyncGenerator[bytes, None]:
        yield body

    if request.headers.get("content-type", "").split(";")[0].strip().lower() != "multipart/form-data":
        raise Refused(415, "send the form as multipart/form-data.")
    parser = MultiPartParser(request.headers, replay(), max_files=2, max_fields=10, max_part_size=MAX_BODY_BYTES)
    try:
        return await parser.parse()
    except MultiPartException as exc:
        raise Refused(400, f"the form could not be read: {exc.message}.") from exc


async def upload_fields(form: Any) -> tuple[str, str, bytes]:
    """(problem, filename, source) from form fields 'problem' and 'file' (the web form may paste 'source')."""
    problem, upload = form.get("problem"), form.get("file")
    if not isinstance(problem, str) or not problem:
        raise Refused(400, "the form needs a 'problem' field (a problem's slug).")
    if isinstance(upload, UploadFile) and upload.filename:
        return problem, upload.filename, await upload.read()
    pasted = form.get("source")
    if isinstance(pasted, str) and pasted.strip():
        return problem, "", pasted.encode("utf-8")
    raise Refused(400, "the form needs a 'file' (the solution to submit).")


ROUTES = [
    Route("/api/contest", contest),
    Route("/api/scoreboard", scoreboard),
    Route("/api/start", start, methods=["POST"]),
    Route("/api/submissions", create_submission, methods=["POST"]),
    Route("/api/submissions", list_submissions, methods=["GET"]),
    Route("/api/submissions/{id:int}", read_submission),
]
