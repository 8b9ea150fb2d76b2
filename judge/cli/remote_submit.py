"""`judge submit SLUG --server URL`: hand a solution to a contest server (docs/contest-server.md).

The token comes from --token or JUDGE_TOKEN and travels only in the
Authorization header. The server records the submission before it answers;
`--wait` then asks for it once a second until its verdict is there (or the
contest holds it until the end) and exits as `judge run` would for that
verdict. httpx is imported here only, so other commands never load it.
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

from judge.cli.environment import Environment
from judge.cli.exit_codes import VERDICT_EXIT
from judge.errors import ExitCode, UsageError
from judge.verdicts import Verdict

TOKEN_VARIABLE = "JUDGE_TOKEN"
POLL_S = 1.0
REQUEST_TIMEOUT_S = 30.0


def submit_to_server(env: Environment, server: str, token: str | None, slug: str, path: Path, source: bytes,
                     wait: bool) -> int:
    """Uploads, prints the submission id, and with `wait` follows it to its verdict; the exit code."""
    try:
        import httpx
    except ImportError as exc:
        raise UsageError("--server needs httpx: pip install 'judge[server]'.") from exc

    token = token or os.environ.get(TOKEN_VARIABLE)
    if not token:
        raise UsageError(f"--server needs your token: pass --token or set {TOKEN_VARIABLE} "
                         "(the host got it from `judge contest add-participant`).")
    base = server.rstrip("/")
    with httpx.Client(base_url=base, headers={"Authorization": f"Bearer {token}"},
                      timeout=REQUEST_TIMEOUT_S) as client:
        created = _call(client, "POST", "/api/submissions", data={"problem": slug},
                        files={"file": (path.name, source, "text/x-python")})
        env.stdout.print(f"submission #{created['id']} ({slug}) recorded by {base}", highlight=False)
        if not wait:
            return ExitCode.ACCEPTED
        return _follow(env, client, created["id"])


def _follow(env: Environment, client: Any, submission_id: int) -> int:
    """Polls the submission until it is judged (or held until the end); prints the verdict."""
    while True:
        shown = _call(client, "GET", f"/api/submissions/{submission_id}")
        if shown["state"] == "held":
            env.stdout.print(f"submission #{submission_id}: judged; the contest holds verdicts until it ends.",
                             highlight=False)
            return ExitCode.ACCEPTED
        if shown["verdict"]:
            verdict = Verdict(shown["verdict"])
            env.stdout.print(f"submission #{submission_id}: {verdict.value.replace('_', ' ')}", highlight=False)
            return VERDICT_EXIT[verdict]
        time.sleep(POLL_S)


def _call(client: Any, method: str, url: str, **kwargs: Any) -> dict[str, Any]:
    """One request; the server's own message as a usage error when it refuses, never a traceback."""
    import httpx

    try:
        response = client.request(method, url, **kwargs)
    except httpx.HTTPError as exc:
        raise UsageError(f"cannot reach the contest server at {client.base_url}: {exc}.") from exc
    try:
        body = response.json()
    except ValueError:
        body = {}
    if response.is_success and isinstance(body, dict):
        return body
    message = body.get("error") if isinstance(body, dict) else None
    raise UsageError(f"the contest server refused ({response.status_code}): "
                     f"{message or response.reason_phrase or 'no reason given'}")
