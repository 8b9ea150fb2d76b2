"""How fast is `judge run`? Wall time per problem on its reference, and the worker round trip.

Run: python benchmarks/judge_speed.py [--repeats N] [--sandbox local|docker ...]
Prints the machine it ran on, so quoted figures can be checked and compared.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import tempfile
import time
from pathlib import Path

from judge.errors import JudgeError
from judge.harness.run import judge_solution
from judge.limits import Limits
from judge.problems import ProblemSet, find_problems_root
from judge.sandbox import get_backend
from judge.sandbox.base import Job
from judge.sandbox.client import WorkerClient

ROUND_TRIP_CALLS = 2000


def machine() -> str:
    cpu = "unknown CPU"
    try:
        cpu = next(line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return f"{cpu}, {os.cpu_count()} cores, {platform.system()} {platform.release()}, Python {platform.python_version()}, load {load:.1f}"


def time_problem(problems: ProblemSet, slug: str, sandbox: str, repeats: int, complexity: bool) -> list[float]:
    problem = problems.get(slug)
    times = []
    for seed in range(repeats):
        started = time.perf_counter()
        result = judge_solution(problem, problem.reference_path, get_backend(sandbox), seed=seed,
                                measure_complexity=complexity)
        times.append(time.perf_counter() - started)
        if result.verdict.value != "accepted":
            raise SystemExit(f"{slug}: the reference got {result.verdict.value} on {sandbox}: {result.message}")
    return times


def round_trip_ms(sandbox: str) -> float:
    """Median cost of one call of a trivial function through the sandbox, in ms."""
    with tempfile.TemporaryDirectory() as tmp:
        solution = Path(tmp) / "echo.py"
        solution.write_text("def echo(x):\n    return x\n")
        with get_backend(sandbox).open(Job(solution, Limits())) as box:
            client = WorkerClient(box, Limits())
            client.start()
            samples = []
            for i in range(ROUND_TRIP_CALLS):
                started = time.perf_counter()
                client.call({"op": "call", "name": "echo", "args": [[i, "x" * 10]]})
                samples.append(time.perf_counter() - started)
            client.close()
    return statistics.median(samples) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--sandbox", action="append", help="default: local (and docker when available)")
    parser.add_argument("--no-complexity", action="store_true", help="time the hidden tests only")
    options = parser.parse_args()
    sandboxes = options.sandbox or ["local"]
    problems = ProblemSet(find_problems_root())
    print(f"machine: {machine()}")
    print(f"judge run on each reference, {options.repeats} seeds, complexity {'off' if options.no_complexity else 'on'}")
    print(f"{'problem':22s} {'sandbox':8s} {'median s':>9s} {'min s':>7s} {'max s':>7s}")
    for slug in problems.slugs():
        for sandbox in sandboxes:
            try:
                times = time_problem(problems, slug, sandbox, options.repeats, not options.no_complexity)
            except JudgeError as exc:
                print(f"{slug:22s} {sandbox:8s} skipped: {exc}")
                continue
            print(f"{slug:22s} {sandbox:8s} {statistics.median(times):9.2f} {min(times):7.2f} {max(times):7.2f}")
    for sandbox in sandboxes:
        print(f"worker round trip ({sandbox}): {round_trip_ms(sandbox):.3f} ms median over {ROUND_TRIP_CALLS} calls")


if __name__ == "__main__":
    main()
