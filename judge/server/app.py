"""The contest server's ASGI application (Starlette), served by uvicorn (`judge contest serve`).

Built from a HostedContest (database, problems, clock, judging queue), so
tests build one around a fake queue or clock. The queue starts with the
application and is closed when it stops (uvicorn's own SIGTERM/SIGINT
handling runs the shutdown): what was not judged goes back to pending in the
database, never lost.

Errors: a refusal carries its own status and message (JSON under /api/, a
page elsewhere); anything unexpected is a bare 500 with a generic message,
logged on the server's stderr, never shown to the user.
"""

from __future__ import annotations

import contextlib
import logging
import secrets
from collections.abc import AsyncIterator, Mapping

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.sessions import SessionMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from judge.server import api, pages
from judge.server.hosting import HostedContest, Refused

log = logging.getLogger("judge.server")

SESSION_COOKIE = "judge_session"
SESSION_MAX_AGE_S = 24 * 3600
DEFAULT_POLL_S = 5.0
# No script but our own file, no frames, no inline style or script: an escaping slip still runs nothing.
SECURITY_HEADERS = [
    (b"content-security-policy",
     b"default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
     b"form-action 'self'; frame-ancestors 'none'; base-uri 'none'"),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
]


def create_app(hosted: HostedContest, *, session_secret: str | None = None, poll_s: float = DEFAULT_POLL_S,
               secure_cookies: bool = False) -> Starlette:
    """The application for one contest. A fresh session secret per server unless one is given:
    a restart logs everyone out (they log in again with their token), nothing else is lost."""
    @contextlib.asynccontextmanager
    async def lifespan(_: Starlette) -> AsyncIterator[None]:
        hosted.queue.start()
        try:
            yield
        finally:
            hosted.queue.close()

    app = Starlette(
        routes=[*api.ROUTES, *pages.ROUTES],
        middleware=[
            Middleware(SecurityHeaders),
            Middleware(SessionMiddleware, secret_key=session_secret or secrets.token_urlsafe(32),
                       session_cookie=SESSION_COOKIE, max_age=SESSION_MAX_AGE_S, same_site="strict",
                       https_only=secure_cookies),
        ],
        exception_handlers={Refused: _refused, HTTPException: _http_error, Exception: _internal_error},
        lifespan=lifespan,
    )
    app.state.hosted = hosted
    app.state.poll_s = poll_s
    return app


class SecurityHeaders:
    """Adds SECURITY_HEADERS to every response (a pure ASGI middleware: streams pass untouched)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *SECURITY_HEADERS]
            await send(message)

        await self.app(scope, receive, with_headers)


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/")


async def _refused(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, Refused)
    headers = {"Retry-After": str(exc.retry_after_s)} if exc.retry_after_s is not None else None
    if exc.status == 401 and _wants_json(request):
        headers = {**(headers or {}), "WWW-Authenticate": "Bearer"}
    return _error(request, exc.status, exc.message, headers)


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    message = {404: "there is nothing here.", 405: "this address does not take that method."}.get(
        exc.status_code, exc.detail)
    return _error(request, exc.status_code, message, exc.headers)


async def _internal_error(request: Request, exc: Exception) -> Response:
    log.error("internal error on %s %s", request.method, request.url.path, exc_info=exc)
    if _wants_json(request):
        return JSONResponse({"error": "internal error of the judge server; the host can read its log."},
                            status_code=500)
    return PlainTextResponse("Internal error of the judge server; the host can read its log.", status_code=500)


def _error(request: Request, status: int, message: str, headers: Mapping[str, str] | None) -> Response:
    if _wants_json(request):
        return JSONResponse({"error": message}, status_code=status, headers=headers)
    return pages.page(request, "error.html", {"status": status, "message": message, "you": None, "record": None},
                      status_code=status, headers=headers)
