"""What one sandbox costs the machine: opening it, starting its worker, removing it.

Run: python benchmarks/box_cost.py [--repeats N] [--sandbox local|docker ...]

Each step's wall time, and the CPU time the whole machine spent during it, read
from /proc/stat (the engine's daemons, runc and the shims count: they are most
of a Docker box's cost, and none of them is this process). The worker's start
includes its interpreter and the solution's import, as in a run. Run it on an
otherwise idle machine: the CPU figure is everyone's.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from pathlib import Path

from judge.limits import Limits
from judge.sandbox import get_backend
from judge.sandbox.base import Job
from judge.sandbox.client import WorkerClient

SETTLE_S = 0.3  # after each step: the engine finishes what it does after answering (a removal's clean-up)
STEPS = ("open", "start worker", "close")


def machine_cpu_s() -> float:
    """CPU seconds the whole machine has spent busy since boot."""
    fields = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    idle = fields[3] + fields[4]  # idle, iowait
    return (sum(fields) - idle) / os.sysconf("SC_CLK_TCK")


def one_box(sandbox: str, solution: Path) -> dict[str, tuple[float, float]]:
    """(wall s, machine CPU s) of each step for one box."""
    limits = Limits()
    costs: dict[str, tuple[float, float]] = {}
    box = client = None

    def step(name: str, action) -> None:
        wall, cpu = time.perf_counter(), machine_cpu_s()
        action()
        wall = time.perf_counter() - wall
        time.sleep(SETTLE_S)
        costs[name] = (wall, machine_cpu_s() - cpu)

    def open_box() -> None:
        nonlocal box
        box = get_backend(sandbox).open(Job(solution, limits))

    def start_worker() -> None:
        nonlocal client
        client = WorkerClient(box, limits)
        client.start()

    def close() -> None:
        client.close()
        box.close()

    for name, action in zip(STEPS, (open_box, start_worker, close), strict=True):
        step(name, action)
    return costs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--sandbox", action="append", help="default: local and docker")
    options = parser.parse_args()
    load = os.getloadavg()[0]
    print(f"{os.cpu_count()} cores, load {load:.1f}; medians of {options.repeats} boxes; "
          "CPU is the whole machine's during the step")
    print(f"{'sandbox':8s} {'step':14s} {'wall ms':>8s} {'CPU ms':>8s}")
    with tempfile.TemporaryDirectory() as folder:
        solution = Path(folder) / "echo.py"
        solution.write_text("def echo(x):\n    return x\n")
        for sandbox in options.sandbox or ["local", "docker"]:
            runs = [one_box(sandbox, solution) for _ in range(options.repeats)]
            for name in STEPS:
                wall = statistics.median(run[name][0] for run in runs) * 1000
                cpu = statistics.median(run[name][1] for run in runs) * 1000
                print(f"{sandbox:8s} {name:14s} {wall:8.0f} {cpu:8.0f}")


if __name__ == "__main__":
    main()
