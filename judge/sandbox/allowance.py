"""What all the calls of one run may cost together: the run's ceiling.

Per-call limits alone let a solution that times out in every case hold the
judge for (cases x limit): 70 s for one that sleeps. The allowance charges
every call, on the trusted clocks, and says when the run must stop:

- CPU: all calls together may use `limits.run_cpu_s` (one full call limit
  plus a little); a call is cut when it would go over.
- idle: all calls together may sit idle (sleeping, waiting) for RUN_IDLE_S;
  a call is idle for whatever wall time it takes beyond its CPU time at a
  tenth of a core, plus a small grace for the round trip.
- wall: all calls together may take `limits.run_wall_s` (the backstop).
- time-outs: after RUN_TIMEOUTS cases ended over time, nothing more runs.

Once it says stop, the remaining cases are reported as not run, with the
reason. Formulas and the ceiling they give: docs/limits.md.
"""

from __future__ import annotations

from dataclasses import dataclass

from judge.limits import CALL_GRACE_S, IDLE_AFTER_S, IDLE_CPU_SHARE, RUN_IDLE_S, RUN_TIMEOUTS, Limits


def sits_idle(cpu_s: float, elapsed_s: float, resolution_s: float) -> bool:
    """A call still running that is hardly computing, over long enough to judge on figures this coarse."""
    return elapsed_s >= max(IDLE_AFTER_S, 2 * resolution_s) and cpu_s < IDLE_CPU_SHARE * elapsed_s


def idle_time(cpu_s: float, wall_s: float, resolution_s: float) -> float:
    """The part of a call's wall time that no computing explains."""
    return max(0.0, wall_s - cpu_s / IDLE_CPU_SHARE - CALL_GRACE_S - resolution_s)


@dataclass
class CallBounds:
    """The limits one call runs under: the per-call ones, or what the run has left."""

    cpu_s: float
    wall_s: float
    cpu_is_run_limit: bool
    wall_is_run_limit: bool


class RunAllowance:
    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self.cpu_used = 0.0
        self.wall_used = 0.0
        self.idle_used = 0.0
        self.timeouts = 0
        self.stopped: str | None = None  # why the rest of the run is not run

    def bounds(self) -> CallBounds:
        cpu_left = self.limits.run_cpu_s - self.cpu_used
        wall_left = self.limits.run_wall_s - self.wall_used
        return CallBounds(
            cpu_s=min(self.limits.time_per_call_s, cpu_left),
            wall_s=min(self.limits.wall_per_call_s, wall_left),
            cpu_is_run_limit=cpu_left < self.limits.time_per_call_s,
            wall_is_run_limit=wall_left < self.limits.wall_per_call_s,
        )

    def charge(self, cpu_s: float, wall_s: float, idle_s: float = 0.0) -> None:
        self.cpu_used += cpu_s
        self.wall_used += wall_s
        self.idle_used += idle_s

    def idle_spent(self, call_idle_s: float) -> bool:
        """True when this call's idle time so far takes the run over its idle allowance."""
        return self.idle_used + call_idle_s > RUN_IDLE_S

    def stop(self, reason: str) -> None:
        if self.stopped is None:
            self.stopped = reason

    def count_timeout(self) -> None:
        """A case ended over time; enough of them and the run stops."""
        self.timeouts += 1
        if self.timeouts >= RUN_TIMEOUTS:
            self.stop(f"{self.timeouts} cases ran out of time: the rest would only do the same")

    def describe(self) -> str:
        return (
            f"the run's calls used {self.cpu_used:.1f} s of CPU, {self.wall_used:.1f} s of wall time and sat "
            f"idle {self.idle_used:.1f} s (a run may use {self.limits.run_cpu_s:g} s, "
            f"{self.limits.run_wall_s:g} s and {RUN_IDLE_S:g} s)"
        )
