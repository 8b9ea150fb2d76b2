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

from typing import Protocol


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
