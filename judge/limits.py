"""Resource limits of one judging run: one frozen value passed everywhere.

Per call: CPU time (the kernel's), a wall clock derived from it, and an idle
rule. Per run: an allowance that bounds what all calls together may cost, so
that no solution holds a judge for long (docs/limits.md has the formulas and
the ceiling they give).
"""

from __future__ import annotations

from dataclasses import dataclass

# Wall time allowed per call is derived from CPU time here and nowhere else:
# a busy machine slows the wall clock, not the CPU time a call consumes.
WALL_FACTOR = 2.0
WALL_SLACK_S = 1.0
# A call that has run this long using less than IDLE_CPU_SHARE of a core is
# sleeping or waiting, not computing: no busy machine starves a process that far.
IDLE_AFTER_S = 1.0
IDLE_CPU_SHARE = 0.1
# What a call may take beyond its computing (at IDLE_CPU_SHARE of a core) before the
# rest counts as idle: the round trip, a coarse CPU reading (added per backend).
CALL_GRACE_S = 0.02
# The run's allowance: one full call limit, plus this for all the rest; and idle time.
RUN_EXTRA_CPU_S = 2.0
RUN_IDLE_S = 3.0
# After this many cases ended over time, the rest of the run is not run.
RUN_TIMEOUTS = 3


@dataclass(frozen=True)
class Limits:
    time_per_call_s: float = 2.0
    memory_mb: int = 256
    output_kb: int = 64
    processes: int = 32
    open_files: int = 64
    file_size_mb: int = 16

    @property
    def wall_per_call_s(self) -> float:
        return self.time_per_call_s * WALL_FACTOR + WALL_SLACK_S

    @property
    def run_cpu_s(self) -> float:
        """CPU time all the calls of a run may use together."""
        return self.time_per_call_s + RUN_EXTRA_CPU_S

    @property
    def run_wall_s(self) -> float:
        """Wall time all the calls of a run may take together: the backstop for what the
        CPU and idle allowances do not catch, with the per-call factor for busy machines."""
        return self.run_cpu_s * WALL_FACTOR + RUN_IDLE_S

    @property
    def memory_bytes(self) -> int:
        return self.memory_mb * 1024 * 1024

    @property
    def output_bytes(self) -> int:
        return self.output_kb * 1024
