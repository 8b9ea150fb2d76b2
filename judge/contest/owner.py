"""Which process is judging a submission, and whether it still runs.

A submission being judged carries its judge's pid and a token that tells that
process from a later one given the same pid (the boot's id and the process's
start time, from /proc). A submission whose judge is gone (SIGKILL, a power
cut) is re-judged by the next contest command; one whose judge still runs is
left alone, so two terminals never judge the same submission.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

BOOT_ID = Path("/proc/sys/kernel/random/boot_id")


@dataclass(frozen=True)
class Owner:
    pid: int
    token: str


def current_owner() -> Owner:
    return Owner(os.getpid(), _token(os.getpid()))


def is_alive(owner: Owner) -> bool:
    """True while the process that took the submission runs (the same process, not a reused pid)."""
    try:
        os.kill(owner.pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass  # another user's process with that pid: compare tokens below
    token = _token(owner.pid)
    return not token or not owner.token or token == owner.token


def _token(pid: int) -> str:
    """'<boot id>:<start time in clock ticks>', or '' where /proc cannot tell (then the pid alone decides)."""
    try:
        boot = BOOT_ID.read_text().strip()
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return ""
    # The command name (field 2) may hold spaces and parentheses: count fields after its last ')'.
    fields = stat[stat.rindex(")") + 2:].split()
    return f"{boot}:{fields[19]}"  # field 22 of the whole line: the process's start time
