"""`judge contest add-participant` and `judge contest serve`: a contest for a whole group.

The server's packages (Starlette, uvicorn, Jinja2: the `server` extra) are
imported only inside `serve`, so every other command starts without them.
docs/contest-server.md describes hosting, the API and the security rules.
"""

from __future__ import annotations

import importlib.util
import logging
from pathlib import Path

import click

from judge import interrupts
from judge.cli.contest import database_path, db_option
from judge.cli.environment import Environment
from judge.contest.define import parse_duration
from judge.contest.judging import JudgeOptions
from judge.contest.participants import new_token, token_hash
from judge.contest.queue import open_queue
from judge.contest.store import ContestStore
from judge.errors import UsageError
from judge.sandbox import CHOICES

SERVER_PACKAGES = ("starlette", "uvicorn", "jinja2", "multipart")
LOOPBACK = ("127.0.0.1", "localhost", "::1")
GRACEFUL_SHUTDOWN_S = 3  # open connections get this long after SIGTERM; then the queue hands work back


@click.command("add-participant")
@click.argument("name")
@click.argument("person")
@click.option("--window", "window", is_flag=False, flag_value="", default=None, metavar="[DURATION]",
              help="An own window: the participant's clock starts at their first start and lasts DURATION "
                   "[default: the contest's duration], ending at the contest's end at the latest.")
@db_option
@click.pass_context
def add_participant(ctx: click.Context, name: str, person: str, window: str | None, db: Path | None) -> None:
    """Add PERSON to contest NAME and print their token, once (only its hash is kept)."""
    _check_person(person)
    env: Environment = ctx.find_root().obj
    with ContestStore(database_path(env, db)) as store:
        record = store.contest(name)
        window_s = None
        if window is not None:
            window_s = parse_duration(window, "window") if window else record.rules.duration_s
        token = new_token()
        store.add_participant(name, person, token_hash(token), window_s, env.clock.now())
        out = env.stdout
        out.print(f"Added {person} to {name}. Their token (shown once, only its hash is kept):", highlight=False)
        out.print(token, highlight=False, markup=False, soft_wrap=True)


def _check_person(person: str) -> None:
    if not person.strip() or len(person) > 64 or not person.isprintable():
        raise UsageError(f"participant name {person!r} must be 1 to 64 printable characters.")


@click.command()
@click.argument("name")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="The address to listen on; 0.0.0.0 opens the server to the network.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
@click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Judge workers: submissions judged at the same time.")
@click.option("--queue", "queue_url", default=None, metavar="URL",
              help="redis://HOST:PORT to judge on other machines (`judge worker`) [default: in this process].")
@click.option("--sandbox", type=click.Choice(CHOICES), default="auto", show_default=True,
              help="Where submissions run (docker when available).")
@click.option("--no-complexity", is_flag=True, help="Judge without measuring complexity (faster).")
@click.option("--min-interval", default="10s", show_default=True,
              help="Rate limit: one submission per participant per this long.")
@click.option("--secure-cookies", is_flag=True,
              help="Send the session cookie over HTTPS only (when a TLS proxy serves the pages).")
@db_option
@click.pass_context
def serve(ctx: click.Context, name: str, host: str, port: int, workers: int, queue_url: str | None, sandbox: str,
          no_complexity: bool, min_interval: str, secure_cookies: bool, db: Path | None) -> None:
    """Serve contest NAME: the live scoreboard, statements, uploads and the JSON API."""
    _check_server_packages()
    import uvicorn

    from judge.server.app import create_app
    from judge.server.hosting import HostedContest

    interval_s = 0 if min_interval.strip() in ("0", "0s") else parse_duration(min_interval, "--min-interval")
    options = JudgeOptions(sandbox=sandbox, complexity=not no_complexity)
    env: Environment = ctx.find_root().obj
    db_path = database_path(env, db)
    with ContestStore(db_path) as store:  # no recovery here: the queue's start re-judges what was left
        store.contest(name)  # an unknown contest is a usage error before anything listens
    queue = open_queue(queue_url, db_path, env.problems, workers, options)  # a wrong URL refuses here
    hosted = HostedContest(db=db_path, name=name, problems=env.problems, clock=env.clock, queue=queue,
                           options=options, min_interval_s=interval_s)
    config = uvicorn.Config(create_app(hosted, secure_cookies=secure_cookies), host=host, port=port, log_level="info",
                            timeout_graceful_shutdown=GRACEFUL_SHUTDOWN_S, server_header=False)
    _announce(env, name, host, port, f"{workers} judge worker(s), sandbox {sandbox}")
    _serve(uvicorn.Server(config), env)


def _announce(env: Environment, name: str, host: str, port: int, judging: str) -> None:
    shown_host = f"[{host}]" if ":" in host else host
    env.stderr.print(f"Serving contest {name}: the scoreboard at http://{shown_host}:{port}/, participants log in at "
                     f"/login; {judging}. Ctrl-C stops.", highlight=False, soft_wrap=True)
    if host not in LOOPBACK:
        env.stderr.print(f"warning: listening on {host}, beyond this machine: tokens and cookies cross the network "
                         "in clear unless a TLS proxy serves the pages (docs/contest-server.md, Security).",
                         highlight=False, soft_wrap=True)


def _serve(server, env: Environment) -> None:
    """Runs until SIGTERM or Ctrl-C (uvicorn's own handling); a stop on request is a clean exit."""
    _log_like_uvicorn()
    try:
        server.run()
    except KeyboardInterrupt as exc:  # uvicorn raises the signal again once it has shut down
        name, _code = interrupts.describe(exc)
        env.stderr.print(f"server stopped ({name}); submissions not judged yet stay pending for the next start.",
                         highlight=False, soft_wrap=True)
        return
    except SystemExit as exc:  # uvicorn's own exit when it cannot listen
        if server.started:
            raise
        raise _could_not_start(server) from exc
    if not server.started:
        raise _could_not_start(server)


def _log_like_uvicorn() -> None:
    """The judge's own log lines (a judging that failed, an internal error) beside uvicorn's, on stderr."""
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(levelname)s:  %(name)s: %(message)s"))
    logger = logging.getLogger("judge")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)


def _could_not_start(server) -> UsageError:
    where = f"{server.config.host}:{server.config.port}"
    return UsageError(f"the server could not start on {where} (the line above says why: a port in use, or an "
                      "address this machine does not have); nothing was served. Pick another --port or --host.")


def _check_server_packages() -> None:
    missing = [name for name in SERVER_PACKAGES if importlib.util.find_spec(name) is None]
    if missing:
        raise UsageError(f"serving needs the server extra ({', '.join(missing)} missing): "
                         "pip install 'judge[server]'.")
