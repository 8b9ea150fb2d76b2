"""Resource limits of one judging run: one frozen value passed everywhere."""

from __future__ import annotations

from dataclasses import dataclass

# Wall time allowed per call is derived from CPU time here and nowhere else:
# a busy machine slows the wall clock, not the CPU time a call consumes.
WALL_FACTOR = 2.0
WALL_SLACK_S = 1.0


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
    def memory_bytes(self) -> int:
        return self.memory_mb * 1024 * 1024

    @property
    def output_bytes(self) -> int:
        return self.output_kb * 1024
