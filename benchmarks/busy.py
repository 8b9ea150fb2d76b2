"""Does a verdict depend on the machine? The same files judged idle and beside busy processes.

Run: python benchmarks/busy.py [--sandbox local --sandbox docker] [--problems SLUG ...]
                                [--all] [--skip-namespaces]

1. Judges a fixed sample of known solutions (per problem: the reference, and from its
   corpus one file of every expected verdict plus every file that states a complexity
   class; `--all` takes every corpus file) once on an idle machine and twice with a
   CPU-bound process per core beside it, on each sandbox asked for, with one seed.
   Per file it prints whether the verdict and both complexity classes were the same
   in every run.
2. Runs two judges side by side for a minute, one of them in its own PID namespace
   (`unshare --pid --fork --mount-proc`), each judging in a loop, and reports any
   run of either that ended in an internal error or lost its sandbox (the symptom of
   a judge that removed another's live folders or containers).

Writes the table, the command, the machine and the date to docs/results/busy-<sandboxes>.md.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

import results  # noqa: E402

from judge.authoring.check import corpus_entries  # noqa: E402
from judge.problems import ProblemSet  # noqa: E402

SEED = 7
NAMESPACE_SECONDS = 60


@dataclass(frozen=True)
class Outcome:
    verdict: str
    time_class: str | None
    memory_class: str | None

    def __str__(self) -> str:
        return f"{self.verdict} / {self.time_class or '-'} / {self.memory_class or '-'}"


def sample(problems: ProblemSet, slugs: list[str], every_file: bool) -> list[tuple[str, Path]]:
    """The reference, one corpus file per expected verdict, and every file stating a class."""
    chosen: list[tuple[str, Path]] = []
    for slug in slugs:
        directory = problems.directory(slug)
        chosen.append((slug, directory / "reference.py"))
        seen_verdicts: set[str] = set()
        for entry in sorted(corpus_entries(directory), key=lambda e: e.path.name):
            if entry.expected is None:
                continue
            if every_file or entry.claims or entry.expected.value not in seen_verdicts:
                chosen.append((slug, entry.path))
                seen_verdicts.add(entry.expected.value)
    return chosen


def judge(slug: str, solution: Path, sandbox: str, prefix: tuple[str, ...] = ()) -> Outcome:
    command = [*prefix, sys.executable, "-m", "judge", "run", slug, "--solution", str(solution),
               "--sandbox", sandbox, "--seed", str(SEED), "--format", "json"]
    done = subprocess.run(command, capture_output=True, text=True, cwd=REPO)
    try:
        report = json.loads(done.stdout)
    except json.JSONDecodeError:
        return Outcome(f"no report (exit {done.returncode}): {done.stderr.strip()[-200:]}", None, None)
    complexity = report.get("complexity") or {}
    return Outcome(report["verdict"], _measured(complexity, "time"), _measured(complexity, "memory"))


def _measured(complexity: dict, axis: str) -> str | None:
    fit = complexity.get(axis) or {}
    return fit.get("measured") or (fit.get("relation") if fit else None)


@contextmanager
def busy_cores():
    """A CPU-bound process per core, for as long as the block lasts."""
    loops = [subprocess.Popen([sys.executable, "-c", "while True: pass"]) for _ in range(os.cpu_count() or 1)]
    try:
        yield
    finally:
        for loop in loops:
            loop.kill()
            loop.wait()


def determinism(files: list[tuple[str, Path]], sandboxes: list[str]) -> list[tuple[str, str, str, list[Outcome]]]:
    rows = []
    for sandbox in sandboxes:
        for slug, path in files:
            runs = [judge(slug, path, sandbox)]
            with busy_cores():
                runs += [judge(slug, path, sandbox) for _ in range(2)]
            rows.append((sandbox, slug, path.name, runs))
            same = "same" if len(set(runs)) == 1 else "DIFFERENT"
            print(f"{sandbox:6} {slug:22} {path.name:40} {same:9} " + " | ".join(map(str, runs)), flush=True)
    return rows


def two_judges(sandbox: str) -> list[str]:
    """Two judges judging in a loop for a minute, one in its own PID namespace; the runs that
    ended in an internal error or without a report."""
    if shutil.which("unshare") is None:
        return ["unshare is missing: the namespace run was not made"]
    reference = REPO / "problems" / "reservoir_sampling" / "reference.py"
    other = REPO / "problems" / "is_subsequence" / "reference.py"
    loop = (f"import subprocess, sys, time\nend = time.monotonic() + {NAMESPACE_SECONDS}\n"
            "while time.monotonic() < end:\n"
            "    done = subprocess.run([sys.executable, '-m', 'judge', 'run', sys.argv[1], '--solution', sys.argv[2],"
            f" '--sandbox', '{sandbox}', '--no-complexity', '--format', 'json'], capture_output=True, text=True)\n"
            "    print(done.stdout.count('\"internal_error\"'), done.returncode, flush=True)\n")
    plain = subprocess.Popen([sys.executable, "-c", loop, "reservoir_sampling", str(reference)],
                             cwd=REPO, stdout=subprocess.PIPE, text=True)
    namespaced = subprocess.Popen(["unshare", "--pid", "--fork", "--mount-proc", sys.executable, "-c", loop,
                                   "is_subsequence", str(other)], cwd=REPO, stdout=subprocess.PIPE, text=True)
    problems = []
    for name, process in (("plain", plain), ("namespaced", namespaced)):
        out, _ = process.communicate()
        runs = [line.split() for line in out.splitlines() if line.strip()]
        bad = [r for r in runs if r[0] != "0" or r[1] != "0"]
        problems.append(f"{sandbox}: {name} judge: {len(runs)} runs, {len(bad)} with an internal error or a failure")
    return problems


def write(rows, namespace_lines: list[str], sandboxes: list[str]) -> Path:
    changed = [r for r in rows if len(set(r[3])) != 1]
    body = [
        f"Seed {SEED}. Each file judged once idle, then twice with a CPU-bound process per core beside it;",
        "each cell is verdict / time class / memory class.",
        "",
        f"**{len(rows) - len(changed)} of {len(rows)} files got the same verdict and classes in every run.**",
        "",
        "| sandbox | problem | file | same | idle | busy | busy |",
        "|---|---|---|---|---|---|---|",
        *[f"| {sandbox} | {slug} | {name} | {'yes' if len(set(runs)) == 1 else '**no**'} | "
          + " | ".join(str(r) for r in runs) + " |" for sandbox, slug, name, runs in rows],
        "",
        "## Two judges at once, one in its own PID namespace",
        "",
        *[f"- {line}" for line in namespace_lines],
    ]
    return results.write(f"busy-{'-'.join(sandboxes)}", "Same code, same verdict: idle and busy", "\n".join(body))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sandbox", action="append", choices=["local", "docker"])
    parser.add_argument("--problems", nargs="*")
    parser.add_argument("--all", action="store_true", help="every corpus file, not the sample")
    parser.add_argument("--skip-namespaces", action="store_true")
    options = parser.parse_args()
    sandboxes = options.sandbox or ["local"]
    problems = ProblemSet(REPO / "problems")
    files = sample(problems, options.problems or problems.slugs(), options.all)
    print(f"{len(files)} files, {len(sandboxes)} sandbox(es), {os.cpu_count()} busy processes while busy", flush=True)
    started = time.monotonic()
    rows = determinism(files, sandboxes)
    namespace_lines = [] if options.skip_namespaces else [line for s in sandboxes for line in two_judges(s)]
    for line in namespace_lines:
        print(line)
    print(f"written to {write(rows, namespace_lines, sandboxes)} in {time.monotonic() - started:.0f} s")


if __name__ == "__main__":
    main()
