"""How fast is `judge run`? Wall time per problem on its reference, and the worker round trip.

Run: python benchmarks/judge_speed.py [--repeats N] [--sandbox local|docker ...] [--breakdown]
                                      [--cold] [--compare-with DIR]

Each run is a whole `judge run SLUG --solution <reference>` in a fresh process,
as a candidate starts it: the interpreter, the judge's imports, the sandbox,
the hidden tests, the complexity phase, the report and the exit all count.
`--breakdown` also says where that time went, from timestamps taken inside
a second, traced run of each (see `trace_child`): the medians are always the
untraced runs', since tracing costs a run time of its own. `--compare-with
DIR` times the judge in DIR (a copy of an older checkout, e.g. `git archive
REV | tar -x -C DIR`) the same way, on DIR's own problems and references,
alternating run for run with this one, so that both meet the same load on a
shared machine. Prints the machine, its load average and its speed (a fixed
loop of Python, timed at the start and at the end: a virtual machine's speed
drifts), so quoted figures can be checked and compared.

The large inputs that hidden tests build from fixed seeds, and their expected
answers, are kept on disk after a machine's first run of a problem
(judge/harness/kept_data.py). The timed runs find them there, as a candidate's
every run after the first does: an untimed run of each problem fills a folder
private to the sitting first. `--cold` times first runs instead (an empty
folder for each run).
"""

from __future__ import annotations

import argparse
import atexit
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import results  # noqa: E402

ROUND_TRIP_CALLS = 2000
# The phases of one run, roughly in the order they happen. "start-up" is the interpreter's
# own start, "imports" the judge's, "other" the command's work outside every other phase
# (loading the problem, the static check, pytest's end); "pytest start" is pytest's
# configuration before it collects, "tests" the test bodies, Hypothesis's generation
# and the reference, beside the hidden tests' calls into the worker ("calls") and
# Hypothesis's shrinking ("shrink", its calls included); "partner" waits for the partner
# process's share of the tests after the judge's own; "stop" ends the worker and removes the
# sandbox; "report+exit" follows the last timestamp. Phases are the judge's main thread's:
# what runs beside it (the partner, the complexity lane, a box opening) shows as waits.
PHASES = ("start-up", "imports", "other", "sandbox", "worker", "pytest start", "collect", "tests",
          "calls", "shrink", "partner", "complexity", "stop", "report+exit")


def machine() -> str:
    cpu = "unknown CPU"
    try:
        with open("/proc/cpuinfo") as info:
            cpu = next(line.split(":", 1)[1].strip() for line in info if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return f"{cpu}, {os.cpu_count()} cores, {platform.system()} {platform.release()}, Python {platform.python_version()}, load {load:.1f}"


def machine_speed() -> str:
    """CPU seconds of a fixed loop of Python (median of 5): the same work, so a change is the machine's."""
    samples = []
    for _ in range(5):
        started = time.process_time()
        total = 0
        for i in range(1_000_000):
            total += i * i
        samples.append(time.process_time() - started)
    return f"a fixed loop takes {statistics.median(samples) * 1000:.0f} ms"


def judge_command(slug: str, reference: Path, sandbox: str, seed: int, complexity: bool) -> list[str]:
    args = ["run", slug, "--solution", str(reference), "--sandbox", sandbox, "--seed", str(seed), "--format", "json"]
    return args if complexity else [*args, "--no-complexity"]


def time_run(args: list[str], traced: bool, checkout: Path | None = None,
             cache_home: str | None = None) -> tuple[float, dict[str, float], str]:
    """Wall seconds of one `judge run` in a fresh process (of the judge in `checkout`, when
    given), its phases when traced, and its verdict. `cache_home`: the folder that holds the hidden
    tests' kept data (judge/harness/kept_data.py); None: an empty one, as at a machine's first run."""
    with tempfile.NamedTemporaryFile(suffix=".json") as trace, tempfile.TemporaryDirectory() as empty:
        env = {**os.environ, "JUDGE_SPEED_TRACE": trace.name, "JUDGE_SPEED_SPAWNED": repr(time.time()),
               "XDG_CACHE_HOME": cache_home or empty}
        if checkout is not None:  # found before the installed judge, with the problems of its own time
            env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(checkout), env.get("PYTHONPATH")]))
            env["JUDGE_PROBLEMS"] = os.pathsep.join(filter(None, [str(checkout / "problems"),
                                                                   env.get("JUDGE_PROBLEMS")]))
        command = [sys.executable, __file__, "--trace-child", *args] if traced else [_judge_script(), *args]
        started = time.perf_counter()
        done = subprocess.run(command, capture_output=True, env=env, check=False)
        wall = time.perf_counter() - started
        ended = time.time()
        phases = _read_trace(trace.name, ended) if traced else {}
    try:
        verdict = json.loads(done.stdout)["verdict"]
    except (ValueError, KeyError):
        verdict = f"no report (exit {done.returncode}): {done.stderr.decode()[-300:]}"
    return wall, phases, verdict


def _judge_script() -> str:
    return str(Path(sys.executable).with_name("judge"))


def _read_trace(path: str, ended: float) -> dict[str, float]:
    try:
        phases = json.loads(Path(path).read_text())
    except (OSError, ValueError):
        return {}
    # What the process did after its last timestamp: the report, then the interpreter's exit.
    phases["report+exit"] = ended - phases.pop("last_mark")
    return phases


# ---------------------------------------------------------------- inside the traced run


class Clock:
    """Sums of wall seconds per phase, from timestamps taken as the run goes."""

    def __init__(self) -> None:
        self.totals: dict[str, float] = {}
        self.last_mark = time.time()
        self.counting_calls = False  # only the hidden tests' own calls, outside shrinking

    def add(self, phase: str, seconds: float) -> None:
        self.totals[phase] = self.totals.get(phase, 0.0) + seconds

    def timed(self, phase: str, function):
        def wrapper(*args, **kwargs):
            started = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                self.add(phase, time.perf_counter() - started)
                self.last_mark = time.time()

        return wrapper


def trace_child(args: list[str]) -> None:
    """Runs `judge ARGS` in this process with timestamps around each phase, then writes them."""
    clock = Clock()
    clock.add("start-up", time.time() - float(os.environ["JUDGE_SPEED_SPAWNED"]))
    started = time.perf_counter()
    import judge.cli.main  # noqa: F401, PLC0415
    import judge.cli.run  # noqa: F401, PLC0415 - imported when `run` is looked up, where there is such a thing
    from judge.__main__ import main  # noqa: PLC0415 - timing the imports is the point

    clock.add("imports", time.perf_counter() - started)
    _instrument(clock)
    sys.argv = ["judge", *args]
    started = time.perf_counter()
    # The judge ends its process itself, after the exit handlers (judge/cli/main.py: _exit).
    atexit.register(lambda: _write_trace(clock, time.perf_counter() - started))
    main()


def _main_thread() -> bool:
    return threading.current_thread() is threading.main_thread()


def _instrument(clock: Clock) -> None:
    """Wraps the functions that begin and end each phase (nothing else of the run changes)."""
    from judge.harness import run  # noqa: PLC0415
    from judge.sandbox import client  # noqa: PLC0415

    if hasattr(run, "_measure_complexity"):  # before the complexity lane
        run._measure_complexity = clock.timed("complexity", run._measure_complexity)
    else:  # measured after the tests (--sequential), or waited for at their end (the lane)
        from judge.harness import complexity_lane  # noqa: PLC0415

        run._measure = clock.timed("complexity", run._measure)
        lane = complexity_lane.ComplexityLane
        lane.result = clock.timed("complexity", lane.result)
    if hasattr(client.WorkerClient, "wait_ready"):  # started before pytest, awaited inside it
        launch, untimed_wait = client.WorkerClient.launch, client.WorkerClient.wait_ready
        timed_launch = clock.timed("worker", launch)
        client.WorkerClient.launch = lambda self: (timed_launch if _main_thread() else launch)(self)
        wait = clock.timed("worker", untimed_wait)

        def wait_ready(self):
            if not _main_thread():
                return untimed_wait(self)
            started = time.perf_counter()
            try:
                return wait(self)
            finally:
                clock.add("pytest start", started - time.perf_counter())  # not pytest's own time

        client.WorkerClient.wait_ready = wait_ready
    else:
        client.WorkerClient.start = clock.timed("worker", client.WorkerClient.start)
    if hasattr(run, "_Partner"):  # what the judge waits for its partner's share after its own
        run._Partner.result = clock.timed("partner", run._Partner.result)
    if hasattr(run, "BoxOpening"):  # the box opens on a thread while pytest starts and collects
        _instrument_box_opening(clock, run.BoxOpening)
    else:
        _instrument_sandbox(clock, run)
        # The phases are the main thread's: the complexity lane's worker runs beside them, and its
        # requests and its close would otherwise be added to the tests' calls and to "stop".
        close = client.WorkerClient.close
        timed_close = clock.timed("stop", close)
        client.WorkerClient.close = lambda self: (timed_close if _main_thread() else close)(self)
    request = client.WorkerClient.request
    timed_request = clock.timed("calls", request)
    client.WorkerClient.request = lambda self, message: (
        timed_request if clock.counting_calls and _main_thread() else request)(self, message)
    if hasattr(run, "pytest"):  # imported with the judge
        _instrument_session(clock)
    else:  # imported once the box is opening (judge/harness/session.py): then, as the run does
        run_in_box = run._run_in_box

        def instrument_then_run(*args, **kwargs):
            clock.timed("imports in the run", _import_session_then_instrument)(clock)
            return run_in_box(*args, **kwargs)

        run._run_in_box = instrument_then_run


def _import_session_then_instrument(clock: Clock) -> None:
    # The session module sets up Hypothesis's environment before its first import (without it,
    # Hypothesis would load every installed package's plugin): imported first, as the run does.
    import judge.harness.session  # noqa: F401, PLC0415

    _instrument_session(clock)


def _instrument_session(clock: Clock) -> None:
    """pytest's phases and Hypothesis's shrinking."""
    import pytest  # noqa: PLC0415
    from hypothesis.internal.conjecture.engine import ConjectureRunner  # noqa: PLC0415

    shrink = clock.timed("shrink", ConjectureRunner.shrink_interesting_test_cases)

    def shrink_without_calls(runner):
        clock.counting_calls = False
        try:
            return shrink(runner)
        finally:
            clock.counting_calls = True

    ConjectureRunner.shrink_interesting_test_cases = shrink_without_calls
    original_main = pytest.main

    def pytest_main(args, plugins=()):
        return original_main(args, plugins=[*plugins, PytestPhases(clock)])

    pytest.main = pytest_main


def _instrument_box_opening(clock: Clock, opening) -> None:
    """'sandbox' is what the tests wait for the box once collected; 'stop' closes worker and box."""
    connect = opening.connect

    def timed_connect(self):
        started = time.perf_counter()
        self.wait_opened()
        waited = time.perf_counter() - started
        clock.add("sandbox", waited)
        clock.add("pytest start", -waited)  # inside pytest's test loop hook, not pytest's own time
        return connect(self)

    opening.connect = timed_connect
    if hasattr(opening, "close"):  # called early where nothing else runs in the box (run.py), and on exit
        opening.close = clock.timed("stop", opening.close)
    else:
        opening.__exit__ = clock.timed("stop", opening.__exit__)


def _instrument_sandbox(clock: Clock, run) -> None:
    """Before the box opened on a thread: 'sandbox' opens it, 'stop' removes it."""
    original_sandbox = run._sandbox

    def sandbox(backend, job):
        original_open = backend.open
        open_box = clock.timed("sandbox", original_open)

        def timed_open(job):
            if not _main_thread():  # the complexity lane's box
                return original_open(job)
            box = open_box(job)
            box.close = clock.timed("stop", box.close)
            return box

        backend.open = timed_open
        return original_sandbox(backend, job)

    run._sandbox = sandbox


class PytestPhases:
    """pytest's start, collection and test loop, as seen by a plugin of its own."""

    def __init__(self, clock: Clock) -> None:
        self.clock = clock
        self.mark = time.perf_counter()

    def _lap(self, phase: str) -> None:
        now = time.perf_counter()
        self.clock.add(phase, now - self.mark)
        self.mark = now

    def pytest_collection(self, session) -> None:
        self._lap("pytest start")

    def pytest_collection_finish(self, session) -> None:
        self._lap("collect")

    def pytest_runtestloop(self, session) -> None:
        self._lap("pytest start")  # between collection and the first test
        self.clock.counting_calls = True

    def pytest_sessionfinish(self, session) -> None:
        self.clock.counting_calls = False
        self._lap("tests")


def _write_trace(clock: Clock, command_s: float) -> None:
    totals = clock.totals
    # The sandbox's close is what the run's context manager spends beyond the worker's stop.
    inside = sum(v for k, v in totals.items() if k not in ("start-up", "imports", "calls", "shrink"))
    totals["other"] = max(0.0, command_s - inside)  # loading the problem, the static check, pytest's end
    totals["imports"] = totals.get("imports", 0.0) + totals.pop("imports in the run", 0.0)
    totals["tests"] = totals.get("tests", 0.0) - totals.get("calls", 0.0) - totals.get("shrink", 0.0)
    totals["last_mark"] = time.time()
    Path(os.environ["JUDGE_SPEED_TRACE"]).write_text(json.dumps(totals))


# ---------------------------------------------------------------- the round trip


def round_trip_ms(sandbox: str) -> float:
    """Median cost of one call of a trivial function through the sandbox, in ms."""
    from judge.limits import Limits  # noqa: PLC0415
    from judge.sandbox import get_backend  # noqa: PLC0415
    from judge.sandbox.base import Job  # noqa: PLC0415
    from judge.sandbox.client import WorkerClient  # noqa: PLC0415

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


# ---------------------------------------------------------------- the tables


def main() -> None:
    if sys.argv[1:2] == ["--trace-child"]:
        trace_child(sys.argv[2:])
        return
    if sys.argv[1:2] == ["--round-trip"]:
        print(round_trip_ms(sys.argv[2]))
        return
    options = _options()
    sandboxes = "-".join(options.sandbox or ["local"])
    with results.printed_to(f"judge-speed-{sandboxes}{'-cold' if options.cold else ''}", "How fast is `judge run`"):
        _tables(options)


def _tables(options: argparse.Namespace) -> None:
    from judge.problems import ProblemSet, find_problems_root  # noqa: PLC0415

    problems = ProblemSet(find_problems_root())
    versions = [("before", options.compare_with), ("after", None)] if options.compare_with else [("", None)]
    print(f"machine: {machine()}; {machine_speed()}")
    print(f"judge run on each reference (a fresh process each), {options.repeats} seeds, "
          f"complexity {'off' if options.no_complexity else 'on'}; medians")
    medians = " ".join(f"{f'{label} median s'.strip():>15s}" for label, _ in versions)
    print(f"{'problem':22s} {'sandbox':8s} {medians} {'min s':>7s} {'max s':>7s}")  # min and max: this judge
    print("kept data: " + ("built afresh at every run (--cold)" if options.cold else
                           "built by an untimed run of each problem first, then loaded, as at every "
                           "run of a problem after the first"))
    breakdowns = []
    with tempfile.TemporaryDirectory(prefix="judge-speed-kept-") as kept_home:
        cache_home = None if options.cold else kept_home
        for slug in options.problem or problems.slugs():
            reference = problems.get(slug).reference_path
            if cache_home is not None:
                time_run(judge_command(slug, reference, (options.sandbox or ["local"])[0], 0, False), False,
                         cache_home=cache_home)
            for sandbox in options.sandbox or ["local"]:
                runs: dict[str, list] = {label: [] for label, _ in versions}
                traced: dict[str, list] = {label: [] for label, _ in versions}
                for seed in range(options.repeats):
                    for label, checkout in versions:  # alternating, so both meet the same load
                        args = judge_command(slug, _reference_in(checkout, slug, reference), sandbox, seed,
                                             not options.no_complexity)
                        runs[label].append(time_run(args, False, checkout, cache_home))
                        if options.breakdown:
                            traced[label].append(time_run(args, True, checkout, cache_home)[1])
                _print_row(slug, sandbox, runs)
                breakdowns += [(slug, sandbox, label, phases) for label, phases in traced.items()]
    if options.breakdown:
        _print_breakdown(breakdowns)
    for sandbox in options.sandbox or ["local"]:
        for label, checkout in versions:
            print(f"worker round trip ({sandbox}{', ' + label if label else ''}): "
                  f"{round_trip_in(sandbox, checkout):.3f} ms median over {ROUND_TRIP_CALLS} calls")
    print(f"load average at the end: {os.getloadavg()[0]:.1f}; {machine_speed()}")


def _reference_in(checkout: Path | None, slug: str, reference: Path) -> Path:
    """The reference solution of the checkout's own time, when it has one."""
    older = None if checkout is None else checkout / "problems" / slug / "reference.py"
    return older if older is not None and older.is_file() else reference


def round_trip_in(sandbox: str, checkout: Path | None) -> float:
    """round_trip_ms of the judge in `checkout` (this one when None), in a fresh process."""
    env = dict(os.environ)
    if checkout is not None:
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(checkout), env.get("PYTHONPATH")]))
    done = subprocess.run([sys.executable, __file__, "--round-trip", sandbox], capture_output=True, env=env,
                          check=True)
    return float(done.stdout)


def _print_row(slug: str, sandbox: str, runs: dict[str, list]) -> None:
    for label, got in runs.items():
        _check_verdicts(slug, f"{sandbox} {label}".strip(), got)
    medians = " ".join(f"{statistics.median(wall for wall, _, _ in got):15.2f}" for got in runs.values())
    last = [wall for wall, _, _ in list(runs.values())[-1]]
    print(f"{slug:22s} {sandbox:8s} {medians} {min(last):7.2f} {max(last):7.2f}", flush=True)


def _options() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--sandbox", action="append", help="default: local")
    parser.add_argument("--problem", action="append", help="default: every problem")
    parser.add_argument("--no-complexity", action="store_true", help="time the hidden tests only")
    parser.add_argument("--breakdown", action="store_true", help="also the median seconds of each phase")
    parser.add_argument("--cold", action="store_true",
                        help="every run builds the hidden tests' kept data afresh, as a machine's first run does")
    parser.add_argument("--compare-with", type=Path, metavar="DIR",
                        help="also time the judge in DIR (an older checkout), alternating with this one")
    return parser.parse_args()


def _check_verdicts(slug: str, sandbox: str, runs: list) -> None:
    """A reference that is not accepted is the problem's bug, not the speed's: said, and timed all the same."""
    for seed, (_, _, verdict) in enumerate(runs):
        if verdict != "accepted":
            print(f"  note: {slug}'s reference got {verdict} on {sandbox} with --seed {seed}")


def _print_breakdown(breakdowns: list) -> None:
    print("\nwhere the time goes (median seconds of each phase; 'tests' excludes 'calls' and 'shrink'):")
    print(f"{'problem':22s} {'sandbox':8s} {'':6s} " + " ".join(f"{p:>{max(6, len(p))}s}" for p in PHASES))
    for slug, sandbox, label, runs in breakdowns:
        cells = [statistics.median(run.get(phase, 0.0) for run in runs) for phase in PHASES]
        print(f"{slug:22s} {sandbox:8s} {label:6s} "
              + " ".join(f"{c:>{max(6, len(p))}.2f}" for p, c in zip(PHASES, cells)))


if __name__ == "__main__":
    main()
