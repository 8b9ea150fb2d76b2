"""Who is asking: a bearer token (the API) or a signed session cookie (the web pages).

A token travels only in an `Authorization: Bearer …` header or, after logging
in on the web page, never again: the session cookie then carries the
participant's name, signed by the server (HttpOnly, SameSite=Strict). A query
string never carries a token (it would land in logs and browser history).

Forms posted with the session cookie also carry the session's own form token
(compared in constant time): SameSite=Strict already keeps other sites'
forms from sending the cookie; the form token holds even for a browser that
ignores SameSite.
"""

from __future__ import annotations

import hmac
import secrets

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request

from judge.contest.store import Participant
from judge.server.hosting import HostedContest, Refused

SESSION_PARTICIPANT = "participant"
SESSION_FORM_TOKEN = "form_token"


def hosted(request: Request) -> HostedContest:
    return request.app.state.hosted


async def from_bearer(request: Request) -> Participant | None:
    """The participant named by the Authorization header; None without one; 401 for a wrong one."""
    header = request.headers.get("authorization")
    if header is None:
        return None
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise Refused(401, "the Authorization header must read 'Bearer TOKEN'.")
    participant = await run_in_threadpool(hosted(request).authenticate, token.strip())
    if participant is None:
        raise Refused(401, "that token belongs to no participant of this contest.")
    return participant


async def from_session(request: Request) -> Participant | None:
    """The participant logged in with this browser's session cookie, if any."""
    name = request.session.get(SESSION_PARTICIPANT)
    if not isinstance(name, str):
        return None
    return await run_in_threadpool(hosted(request).participant, name)


async def viewer(request: Request) -> Participant | None:
    """Whoever the request proves to be: the header first, else the session; None for a visitor."""
    return await from_bearer(request) or await from_session(request)


async def required_participant(request: Request, header_only: bool = False) -> Participant:
    """The participant, or 401. `header_only` for API writes: a cookie is sent by a browser on its own,
    a header only by a client that holds the token."""
    participant = await from_bearer(request) if header_only else await viewer(request)
    if participant is None:
        raise Refused(401, "log in first: send 'Authorization: Bearer TOKEN' (the token "
                           "`judge contest add-participant` printed).")
    return participant


def log_in(request: Request, participant: Participant) -> None:
    request.session.clear()
    request.session[SESSION_PARTICIPANT] = participant.name
    request.session[SESSION_FORM_TOKEN] = secrets.token_urlsafe(24)


def log_out(request: Request) -> None:
    request.session.clear()


def form_token(request: Request) -> str:
    return request.session.get(SESSION_FORM_TOKEN, "")


def check_form_token(request: Request, sent: object) -> None:
    expected = form_token(request)
    if not expected or not isinstance(sent, str) or not hmac.compare_digest(expected, sent):
        raise Refused(403, "this form has expired or did not come from this site: reload the page and try again.")
