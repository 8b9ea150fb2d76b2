"""How long the worst solutions can hold `judge run`: the run's ceiling, measured.

For every problem, judges solutions that attack the clock in every call
(loop for ever, sleep for ever, sleep just under the idle rule in every call,
compute just under the per-call limit in every call) and prints each run's wall
time next to the problem's limits and the bound of docs/limits.md.

    python benchmarks/run_ceiling.py [--sandbox local|docker] [--problem SLUG ...]
"""

from __future__ import annotations

import argparse
import os
import platform
import tempfile
import time
from pathlib import Path

from judge.harness.run import judge_solution
from judge.problems import ProblemSet, find_problems_root
from judge.sandbox import get_backend

# The body of every entry point (and method) of an attacking solution.
ATTACKS = {
    "loops": "    while True:\n        pass\n",
    "sleeps": "    import time\n    time.sleep(1000)\n",
    "naps_0.9s": "    import time\n    time.sleep(0.9)\n",
    "burns_90%": "    import time\n    end = time.thread_time() + {burn}\n    while time.thread_time() < end:\n        pass\n",
}


def attack_source(kind: str, entry: str, body: str) -> str:
    if kind == "function":
        return f"def {entry}(*args, **kwargs):\n{body}"
    method_body = "".join("    " + line + "\n" for line in body.splitlines())
    return (f"class {entry}:\n    def __init__(self, *args, **kwargs):\n        pass\n\n"
            f"    def __getattr__(self, name):\n        def method(*args, **kwargs):\n{_indent(method_body, 8)}"
            f"        return method\n")


def _indent(text: str, spaces: int) -> str:
    return "".join(" " * spaces + line + "\n" for line in text.splitlines())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sandbox", default="local")
    parser.add_argument("--problem", action="append")
    args = parser.parse_args()
    problems = ProblemSet(find_problems_root())
    backend = get_backend(args.sandbox)
    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
          f"Linux {platform.release()}, Python {platform.python_version()}, load {os.getloadavg()[0]:.1f}")
    print(f"{'problem':20} {'limit s':>7} {'bound s':>7}  " + "  ".join(f"{a:>10}" for a in ATTACKS))
    with tempfile.TemporaryDirectory() as folder:
        for slug in args.problem or problems.slugs():
            print(_row(problems.get(slug), backend, Path(folder)), flush=True)


def _row(problem, backend, folder: Path) -> str:
    limits = problem.limits
    cells = []
    for name, body in ATTACKS.items():
        source = attack_source(problem.kind, problem.entry_point, body.format(burn=0.9 * limits.time_per_call_s))
        path = folder / f"{problem.slug}_{name.replace('%', '').replace('.', '_')}.py"
        path.write_text(source)
        started = time.monotonic()
        result = judge_solution(problem, path, backend, measure_complexity=False)
        cells.append(f"{time.monotonic() - started:6.1f} {result.verdict.value[:3]}")
    bound = limits.run_wall_s
    return f"{problem.slug:20} {limits.time_per_call_s:7g} {bound:7g}  " + "  ".join(f"{c:>10}" for c in cells)


if __name__ == "__main__":
    main()
