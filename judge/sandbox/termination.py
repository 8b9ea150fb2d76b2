"""A worker's end as every backend reports it: its status, and what its signal means."""

from __future__ import annotations

import signal

from judge.sandbox.base import Termination


def from_status(exit_code: int | None, sig: int | None, *, peak_memory_kb: int | None,
                oom_killed: bool = False) -> Termination:
    """SIGXFSZ is the output limit (the file size rlimit), SIGXCPU the CPU backstop."""
    return Termination(
        exit_code=exit_code,
        signal=sig,
        oom_killed=oom_killed,
        output_exceeded=sig == signal.SIGXFSZ,
        cpu_exceeded=sig == signal.SIGXCPU,
        peak_memory_kb=peak_memory_kb,
    )


def split_shell_status(status: int) -> tuple[int | None, int | None]:
    """(exit code, signal) from a status where a signal shows as 128 + its number (a shell's,
    an exec's). A process can also exit(137) by itself; the two cannot be told apart, so
    memory verdicts never rest on this."""
    if status > 128 and status - 128 in signal.valid_signals():
        return None, status - 128
    return status, None
