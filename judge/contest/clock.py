"""The one clock contest code reads, so tests can drive a round's boundaries without sleeping.

Every read of the time in contest mode goes through a `Clock` (the CLI takes it
from `Environment.clock`): the moment a submission is recorded, whether the
round has started, is frozen or is over, and the pace of `status --watch`.
Times are UTC epoch seconds, the form the contest database stores.
"""

from __future__ import annotations

import time
from typing import Protocol


class Clock(Protocol):
    def now(self) -> float:
        """Seconds since the epoch, UTC."""
        ...

    def sleep(self, seconds: float) -> None:
        """Waits that long (a fake clock just moves on)."""
        ...


class SystemClock:
    """The real time."""

    def now(self) -> float:
        return time.time()

    def sleep(self, seconds: float) -> None:
        time.sleep(seconds)


class FakeClock:
    """A clock that moves only when told to: `sleep` and `advance` move it, nothing waits."""

    def __init__(self, start: float = 1_750_000_000.0) -> None:
        self.current = float(start)

    def now(self) -> float:
        return self.current

    def sleep(self, seconds: float) -> None:
        self.advance(seconds)

    def advance(self, seconds: float) -> None:
        self.current += seconds

    def set(self, moment: float) -> None:
        self.current = float(moment)
