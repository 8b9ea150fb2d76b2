"""The judging queue of a contest server: submissions in, judgements into the store.

One interface, two engines (docs/contest-server.md):
- in-process (the default): a pool of N judging threads/processes beside the server;
- RQ on Redis (`redis://HOST:PORT`): jobs carry what judging needs (the source
  bytes, the problem's slug, the options), `judge worker --queue URL` runs them
  on any machine with the judge installed, and the server writes each result
  into its own database. The database stays on the server's machine only.

Contract shared by both:
- `submit(id)` is called only after the submission is committed in the store
  (it is durable before it is acknowledged); it never blocks on judging.
- A submission is judged to completion once: its verdict is written into the
  store exactly once (the store's claim/record), however often it was queued.
- `start()` re-queues what the store holds unjudged (a server that was killed
  loses nothing; a submission that was being judged is judged again).
- `close()` stops within seconds; unfinished work goes back to pending in the
  store, never lost, never half-recorded.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from judge.errors import UsageError

if TYPE_CHECKING:
    from judge.contest.judging import JudgeOptions
    from judge.problems import ProblemSet

REDIS_SCHEMES = ("redis://", "rediss://", "unix://")


class JudgingQueue(Protocol):
    """What the contest server needs from a queue."""

    def start(self) -> None:
        """Begin judging; re-queue every submission the store holds unjudged."""
        ...

    def submit(self, submission_id: int) -> None:
        """Queue a committed submission for judging; returns at once."""
        ...

    def counts(self) -> dict[str, int]:
        """{"queued": ..., "judging": ...} for the server's status and the load benchmark."""
        ...

    def close(self, timeout_s: float = 5.0) -> None:
        """Stop; what was not judged goes back to pending in the store."""
        ...


def open_queue(url: str | None, store_path: Path, problems: ProblemSet, workers: int,
               options: JudgeOptions) -> JudgingQueue:
    """The queue `--queue URL` names: none for the in-process one, `redis://HOST:PORT[/DB]` for RQ.

    `options.sandbox` is the sandbox this server's own workers use (in-process); a
    `judge worker` judges in the sandbox it was started with. Each submission's
    seed and complexity come from its row.
    """
    if not url:
        from judge.contest.queue.inprocess import InProcessQueue

        return InProcessQueue(store_path, problems, workers, options)
    if url.startswith(REDIS_SCHEMES):
        from judge.contest.queue.redis import RedisQueue

        return RedisQueue(url, store_path)
    raise UsageError(f"--queue {url!r} is not a queue this judge knows: leave --queue out for the in-process "
                     "queue, or give Redis as redis://HOST:PORT[/DB].")
