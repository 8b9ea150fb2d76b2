"""Accuracy benchmark of the complexity classifier (issue 5).

For every problem it measures solutions whose class is known -- each
problem's reference and the files of its corpus (problems/<slug>/corpus/) that
state `# time: O(...)` (and `# memory: O(...)`) -- several times, quietly and then with
a competing process keeping one core busy, and prints the confusion table of
true vs measured class, the false alarms, the detection rate of worse
classes and the wall time spent.

    python benchmarks/complexity/run.py                # 5 rounds, quiet + busy
    python benchmarks/complexity/run.py --repeats 1 --slug is_subsequence --no-busy

Exit status 1 when the issue's bar is missed: any false alarm, fewer than
95% of worse-class axes flagged with the right class, or a phase over 3 s.
"""

from __future__ import annotations

import argparse
import collections
import contextlib
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from judge.authoring.check import corpus_entries, measure_solution
from judge.complexity import Complexity, ComplexityResult
from judge.complexity.declare import load as load_declaration
from judge.problems.loader import load_problem
from judge.sandbox import choose_backend

sys.path.insert(0, str(ROOT / "benchmarks"))
import results  # noqa: E402

PROBLEMS = ROOT / "problems"
MAX_PHASE_S = 3.0
MIN_DETECTION = 0.95


@dataclass(frozen=True)
class Known:
    """A solution and the classes it truly has."""

    slug: str
    path: Path
    time: Complexity
    memory: Complexity | None

    @property
    def name(self) -> str:
        return f"{self.slug}/{self.path.stem}"


@dataclass(frozen=True)
class Outcome:
    known: Known
    condition: str
    axis: str
    truth: Complexity
    expected: Complexity
    measured: Complexity | None
    relation: str
    wall_s: float
    worker_cpu_s: float

    @property
    def truly_worse(self) -> bool:
        return self.truth.group > self.expected.group

    @property
    def false_alarm(self) -> bool:
        return not self.truly_worse and self.relation == "worse"

    @property
    def detected(self) -> bool:
        """Flagged worse, with the right class (up to what timing can separate)."""
        return self.relation == "worse" and self.measured is not None and self.measured.group == self.truth.group


def known_solutions(slugs: list[str]) -> list[Known]:
    """Each problem's reference (of the declared classes) and its corpus files that state a time class."""
    found = []
    for slug in slugs:
        declaration = load_declaration(PROBLEMS / slug)
        found.append(Known(slug, PROBLEMS / slug / "reference.py", declaration.time_class, declaration.memory_class))
        for entry in corpus_entries(PROBLEMS / slug):
            time_claim, memory_claim = entry.claims.get("time"), entry.claims.get("memory")
            if time_claim is None:
                continue
            # `judge problem check` reports an unreadable claim; here it would only be a crash.
            found.append(Known(slug, entry.path, time_claim.complexity, memory_claim and memory_claim.complexity))
    return found


def measure_once(known: Known, backend_name: str, seed: int) -> tuple[ComplexityResult, float]:
    """The result and the phase's wall time (as the judge saw it: the sandbox's start not included)."""
    backend, _why = choose_backend(backend_name)
    result = measure_solution(load_problem(PROBLEMS / known.slug), known.path, backend, seed=seed)
    return result, result.wall_s


@contextlib.contextmanager
def condition(busy: bool) -> Iterator[None]:
    """With busy=True, a process spinning on one core for the duration."""
    spinner = subprocess.Popen([sys.executable, "-c", "while True: pass"]) if busy else None
    try:
        yield
    finally:
        if spinner is not None:
            spinner.kill()
            spinner.wait()


def outcomes_of(known: Known, result: ComplexityResult, name: str, wall: float) -> list[Outcome]:
    rows = [Outcome(known, name, "time", known.time, result.time.expected, result.time.measured,
                    result.time.fit.relation if result.time.measured else "inconclusive", wall,
                    result.worker_cpu_s)]
    if known.memory is not None and result.memory is not None:
        fit = result.memory.fit
        rows.append(Outcome(known, name, "memory", known.memory, fit.expected, fit.measured,
                            fit.relation if fit.measured else "inconclusive", wall, result.worker_cpu_s))
    return rows


def run(args: argparse.Namespace) -> list[Outcome]:
    outcomes: list[Outcome] = []
    conditions = [("quiet", False)] + ([] if args.no_busy else [("busy", True)])
    for name, busy in conditions:
        with condition(busy):
            for repeat in range(args.repeats):
                for known in known_solutions(args.slug):
                    result, wall = measure_once(known, args.sandbox, seed=repeat)
                    rows = outcomes_of(known, result, name, wall)
                    outcomes.extend(rows)
                    if args.verbose:
                        print(_line(known, name, repeat, result, wall), flush=True)
    return outcomes


def _line(known: Known, name: str, repeat: int, result: ComplexityResult, wall: float) -> str:
    parts = [f"{name:5} #{repeat} {known.name:48}"]
    for axis in result.axes:
        fit = axis.fit
        measured = fit.measured.label if fit.measured else "inconclusive"
        slope = "" if fit.slope is None else f"b={fit.slope:.2f}±{fit.slope_error:.2f}"
        parts.append(f"{axis.axis} {measured:10} {fit.relation:12} {slope:14}")
    return " ".join(parts) + f" {wall:.2f}s wall {result.worker_cpu_s:.2f}s cpu"


def report(outcomes: list[Outcome], spent: float) -> bool:
    """Prints the tables; True when the issue's bar is met."""
    for axis in ("time", "memory"):
        _confusion(axis, [o for o in outcomes if o.axis == axis])
    alarms = [o for o in outcomes if o.false_alarm]
    worse = [o for o in outcomes if o.truly_worse]
    detected = sum(o.detected for o in worse)
    rate = detected / len(worse) if worse else 1.0
    walls = [o.wall_s for o in outcomes if o.axis == "time"]
    cpus = [o.worker_cpu_s for o in outcomes if o.axis == "time"]
    print(f"\nfalse alarms (expected class flagged worse): {len(alarms)} of {len(outcomes) - len(worse)} axis measurements")
    for o in alarms:
        print(f"  {o.condition} {o.known.name} {o.axis}: measured {o.measured and o.measured.label}")
    print(f"worse classes flagged with the right class: {detected} of {len(worse)} ({rate:.1%})")
    for o in worse:
        if not o.detected:
            print(f"  missed: {o.condition} {o.known.name} {o.axis}: {o.relation}, measured {o.measured and o.measured.label}")
    for name in sorted({o.condition for o in outcomes}):
        mine = [o.wall_s for o in outcomes if o.axis == "time" and o.condition == name]
        print(f"complexity phase wall time ({name}): max {max(mine):.2f} s, mean {sum(mine) / len(mine):.2f} s")
    print(f"worker CPU per phase: max {max(cpus):.2f} s, mean {sum(cpus) / len(cpus):.2f} s")
    print(f"benchmark wall time: {spent:.0f} s for {len(walls)} measurements")
    return not alarms and rate >= MIN_DETECTION and max(walls) <= MAX_PHASE_S


def _confusion(axis: str, rows: list[Outcome]) -> None:
    if not rows:
        return
    table = collections.Counter((o.truth, o.measured) for o in rows)
    columns = [c for c in Complexity if any(m is c for _, m in table)] + [None]
    labels = [c.label if c else "inconclusive" for c in columns]
    print(f"\n{axis}: true class (rows) vs measured class (columns)")
    print(" " * 12 + "".join(f"{label:>14}" for label in labels))
    for truth in sorted({o.truth for o in rows}, key=lambda c: c.rank):
        print(f"{truth.label:12}" + "".join(f"{table.get((truth, c), 0):>14}" for c in columns))


def _exit_on_term(signum: int, frame: object) -> None:
    # SystemExit unwinds through `condition`, which stops the busy process it started.
    raise SystemExit(128 + signum)


def main() -> int:
    signal.signal(signal.SIGTERM, _exit_on_term)
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--slug", action="append", help="only these problems (repeatable)")
    parser.add_argument("--no-busy", action="store_true", help="skip the runs with a competing busy process")
    parser.add_argument("--sandbox", default="auto", help="auto (docker when ready, else local), docker or local")
    parser.add_argument("-v", "--verbose", action="store_true", help="one line per measurement")
    args = parser.parse_args()
    args.slug = args.slug or sorted(p.parent.name for p in PROBLEMS.glob("*/complexity.py"))
    started = time.perf_counter()
    outcomes = run(args)
    sandbox = choose_backend(args.sandbox)[0].name
    with results.printed_to(f"complexity-{sandbox}", f"Complexity accuracy ({sandbox} sandbox)"):
        met = report(outcomes, time.perf_counter() - started)
        print(f"\nbar met: {'yes' if met else 'no'}")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
