"""How long a test may wait for a condition: one setting for the whole suite.

Every deadline in the tests goes through `scaled`, so a slower or busier machine
than usual (a shared CI runner) gets proportionally longer, by one environment
variable, JUDGE_TEST_TIME_SCALE (default 1; e.g. 3 on a machine three times as
slow). A test waits on a condition with such a deadline, never on a sleep.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")

SCALE = float(os.environ.get("JUDGE_TEST_TIME_SCALE", "1"))
POLL_S = 0.05


def scaled(seconds: float) -> float:
    return seconds * SCALE


def wait_for(condition: Callable[[], T], what: str, timeout_s: float) -> T:
    """The condition's first true value within `timeout_s` (scaled); fails naming `what` otherwise."""
    deadline = time.monotonic() + scaled(timeout_s)
    while not (value := condition()):
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {scaled(timeout_s):g} s waiting for {what}")
        time.sleep(POLL_S)
    return value
