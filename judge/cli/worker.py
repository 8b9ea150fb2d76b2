"""`judge worker --queue redis://HOST:PORT`: a judge machine for a contest server's Redis queue."""

from __future__ import annotations

import click

from judge.cli.environment import Environment
from judge.errors import UsageError
from judge.sandbox import CHOICES, choose_backend


@click.command()
@click.option("--queue", "url", required=True, metavar="redis://HOST:PORT[/DB]",
              help="The Redis queue the contest server was started with (`judge contest serve --queue`).")
@click.option("--sandbox", type=click.Choice(CHOICES), default="auto", show_default=True,
              help="Where this machine runs the solutions: docker when ready (auto), or a confined local process.")
@click.option("--burst", is_flag=True, help="Quit once the queue is empty instead of waiting for more.")
@click.option("--name", help="This worker's name in Redis [default: RQ's own, unique per process].")
@click.option("--grace", "grace_s", type=click.FloatRange(min=0), default=5.0, show_default=True, metavar="SECONDS",
              help="On SIGTERM, how long the submission being judged may take to finish before it is stopped "
                   "and handed back to the queue.")
@click.pass_obj
def worker(env: Environment, url: str, sandbox: str, burst: bool, name: str | None, grace_s: float) -> None:
    """Judge a contest server's submissions on this machine, from its Redis queue.

    Each submission arrives with its source and problem slug (this machine needs
    the judge and the same problems, nothing else: the contest database stays on
    the server). SIGTERM or Ctrl-C stops the worker: a submission being judged
    gets --grace seconds to finish, else it goes back to the queue for another
    worker. docs/contest-server.md, "More judge machines".
    """
    from judge.contest.queue import REDIS_SCHEMES
    from judge.harness.run import default_hidden_paths

    if not url.startswith(REDIS_SCHEMES):
        raise UsageError(f"--queue {url!r} is not a Redis URL; give redis://HOST:PORT[/DB].")
    try:
        from judge.contest.queue.redis import connect, run_worker
    except ImportError as exc:
        raise UsageError(f"judge worker needs RQ and Redis ({exc.name} is missing): "
                         "pip install 'judge[server]'.") from exc
    connect(url)  # Redis unreachable is said before anything else
    backend, why = choose_backend(sandbox)  # a machine without its sandbox refuses to start, not to judge
    env.stderr.print(f"judge worker: taking submissions from {url}, sandbox {why}.", highlight=False)
    run_worker(url, env.problems, backend.name, burst=burst, name=name,
               hidden_paths=default_hidden_paths(env.data_dir), grace_s=grace_s)
