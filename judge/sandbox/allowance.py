"""What all the calls of one run may cost together: the run's ceiling.

Per-call limits alone let a solution that times out in every case hold the
judge for (cases x limit): 70 s for one that sleeps. The allowance charges
every call, on the trusted clocks, and says when the run must stop:

- CPU: all calls together may use `limits.run_cpu_s` (one full call limit
  plus a little); a call is cut when it would go over.
- wall: all calls together may take `limits.run_wall_s`.
- time-outs: after RUN_TIMEOUTS cases ended over time, nothing more runs.

Once it says stop, the remaining cases are reported as not run, with the
reason. Formulas and the ceiling they give: docs/limits.md.
"""

from __future__ import annotations

from dataclasses import dataclass

from judge.limits import RUN_TIMEOUTS, Limits


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

    def charge(self, cpu_s: float, wall_s: float) -> None:
        self.cpu_used += cpu_s
        self.wall_used += wall_s

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
            f"the run's calls used {self.cpu_used:.1f} s of CPU and {self.wall_used:.1f} s of wall time "
            f"(a run may use {self.limits.run_cpu_s:g} s and {self.limits.run_wall_s:g} s)"
        )
