"""How fast does `judge grade` go? Solutions per minute on the fixture group, cold and warm.

Run: python benchmarks/grade_speed.py [--sandbox local|docker ...] [--jobs N] [--complexity]

Grades tests/fixtures/group (8 members x 6 problems: accepted, wrong, slow,
crashing, forbidden and one hostile solution) with the real `judge grade`
in a fresh process, as an organiser runs it: first with an empty cell cache
(cold: every cell is a `judge run`), then again with the cache it filled
(warm: nothing changed, nothing runs). Complexity measurement is off unless
`--complexity` is given (it adds a timed phase to every accepted cell).
Prints the machine and its load average before and after each run, since
other work on the machine slows a cold batch down.

It grades with a frozen copy of the judge and of the group, laid out as the
wheel lays them out (judge/, its problem_set, image_recipe and examples): the
cache key holds the judge's source, so edits to the checkout between the cold
and the warm run (other work in the same tree) would make every cell a miss.

Targets on a 2-core machine (issue 9): 40/min cold on local, 30/min cold on
Docker, 1000/min warm.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
GROUP = REPO / "tests" / "fixtures" / "group"
TARGETS = {("local", "cold"): 40, ("docker", "cold"): 30, ("local", "warm"): 1000, ("docker", "warm"): 1000}


def cpu_model() -> str:
    try:
        with open("/proc/cpuinfo") as info:
            return next(line.split(":", 1)[1].strip() for line in info if line.startswith("model name"))
    except (OSError, StopIteration):
        return "unknown CPU"


def load() -> float:
    return os.getloadavg()[0]


def snapshot(scratch: Path) -> tuple[Path, Path]:
    """A frozen copy of the judge (as installed from the wheel) and of the group."""
    skip = shutil.ignore_patterns("__pycache__", "corpus")
    judge = scratch / "judge-copy" / "judge"
    shutil.copytree(REPO / "judge", judge, ignore=skip)
    for package, folder in (("problem_set", "problems"), ("image_recipe", "sandbox_image"), ("examples", "examples")):
        shutil.copytree(REPO / folder, judge / package, ignore=skip)
    group = scratch / "group"
    shutil.copytree(GROUP, group)
    return judge.parent, group


def children_cpu() -> float:
    """CPU seconds of the processes this one waited for (judge grade, its runs and local boxes)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def grade(judge: Path, group: Path, sandbox: str, jobs: int, cache: Path, complexity: bool,
          out: Path) -> tuple[float, int]:
    """Wall seconds of one `judge grade` of the group by the judge copy, and the cells it graded."""
    command = [sys.executable, "-m", "judge", "grade", str(group), "--sandbox", sandbox, "--jobs", str(jobs),
               "--cache-dir", str(cache), "--json", str(out)]
    if not complexity:
        command.append("--no-complexity")
    env = {k: v for k, v in os.environ.items() if k not in ("GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY", "JUDGE_PROBLEMS")}
    env["PYTHONPATH"] = str(judge)  # the copy, before the checkout's editable install
    started = time.monotonic()
    done = subprocess.run(command, cwd=judge, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    wall = time.monotonic() - started
    if done.returncode != 0:
        sys.exit(f"judge grade --sandbox {sandbox} exited {done.returncode}:\n{done.stderr[-2000:]}")
    return wall, len(json.loads(out.read_text())["cells"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sandbox", action="append", choices=("local", "docker"),
                        help="repeatable; default: local and docker")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--complexity", action="store_true", help="measure complexity too (judge grade's default)")
    args = parser.parse_args()
    print(f"machine: {cpu_model()}, {os.cpu_count()} cores, {platform.system()} {platform.release()}, "
          f"Python {platform.python_version()}")
    print(f"judge grade {GROUP.relative_to(REPO)} --jobs {args.jobs}"
          f"{'' if args.complexity else ' --no-complexity'}")
    # cpu s/cell: what the cells cost the machine whatever else runs on it (a container's own CPU
    # is not counted: Docker's daemon, not us, is its parent). 60 x cores / that = a quiet machine's rate.
    print(f"{'sandbox':8} {'cache':5} {'cells':>5} {'wall s':>8} {'per min':>8} {'target':>7} {'cpu s/cell':>10}"
          "  load before/after")
    # Outside /tmp: the local box has a private /tmp, and the group must be readable to be judged.
    with tempfile.TemporaryDirectory(prefix="grade-speed-", dir="/var/tmp") as scratch:
        os.chmod(scratch, 0o755)
        judge, group = snapshot(Path(scratch))
        for sandbox in args.sandbox or ["local", "docker"]:
            cache = Path(scratch) / f"cache-{sandbox}"
            for phase in ("cold", "warm"):  # warm reuses what the cold run stored
                before, cpu = load(), children_cpu()
                wall, cells = grade(judge, group, sandbox, args.jobs, cache, args.complexity,
                                    Path(scratch) / f"{sandbox}-{phase}.json")
                rate = cells / wall * 60
                target = TARGETS[(sandbox, phase)]
                per_cell = (children_cpu() - cpu) / cells
                print(f"{sandbox:8} {phase:5} {cells:5d} {wall:8.1f} {rate:8.0f} {target:>7} {per_cell:10.2f}"
                      f"{'' if rate >= target else ' (under)'}  {before:.1f}/{load():.1f}", flush=True)


if __name__ == "__main__":
    main()
