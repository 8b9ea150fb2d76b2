"""`judge problem check`: a problem folder validated completely before a candidate meets it.

Each check yields one `Check` (what was checked, passed or not, and what was
wrong). A failure the judge cannot work around -- a file it cannot load at all,
the same failure that makes `judge run` exit 10 -- is `malformed`; anything
else that disagrees (a corpus file with another verdict, a reference failing
its own tests) is an ordinary failure.

The corpus conventions (docs/authoring.md): every `corpus/*.py` starts with
`# expect: <verdict>` and `# why: <one line>`; a file may also state the
complexity class the judge must measure for it with `# time: O(...)` and
`# memory: O(...)` lines (read by `judge.complexity.claim.read_claims`).
"""

from __future__ import annotations

import random
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from judge.complexity import ComplexityResult, declare, measure
from judge.complexity.claim import AxisClaim, read_claims
from judge.complexity.declare import Case
from judge.complexity.schedule import doubling_sizes
from judge.errors import ExitCode, ProblemConfigError
from judge.grade.discovery import Submission
from judge.grade.pool import CellOutcome, Pool, RunOptions
from judge.harness.run import JUDGE_PACKAGE, judge_solution
from judge.problems.hints import read_hints
from judge.problems.loader import Problem, load_problem
from judge.sandbox.base import Backend, Job
from judge.sandbox.client import ImportFailed, WorkerClient
from judge.verdicts import Verdict

EXPECT = re.compile(r"^# expect:[ \t]*(\S*)")
WHY = re.compile(r"^# why:[ \t]*\S")
# A complexity measurement is timing on a shared machine: one disagreement is measured again
# before it counts (the accuracy benchmark holds the classifier itself to its bar).
MEASUREMENT_ATTEMPTS = 2
# The verdicts that mean the starter ran and failed the tests: anything else is not polite.
POLITE_STARTER_VERDICTS = {Verdict.RUNTIME_ERROR, Verdict.WRONG_ANSWER}


@dataclass(frozen=True)
class Check:
    """One thing checked about a problem."""

    subject: str  # "problem.toml", "corpus/tle_slicing.py"...
    passed: bool
    detail: str  # what was found (passed) or what was wrong (failed)
    malformed: bool = False  # failed because a file of the problem cannot be used at all


@dataclass
class ProblemReport:
    slug: str
    checks: list[Check] = field(default_factory=list)
    duration_s: float = 0.0

    @property
    def failed(self) -> list[Check]:
        return [c for c in self.checks if not c.passed]

    @property
    def malformed(self) -> bool:
        return any(c.malformed for c in self.checks)


@dataclass(frozen=True)
class CorpusEntry:
    """A known solution and what its header promises."""

    path: Path
    expected: Verdict | None
    header_problem: str  # why the header cannot be used ("" when it can)
    claims: dict[str, AxisClaim]

    @classmethod
    def read(cls, path: Path) -> CorpusEntry:
        try:
            source = path.read_text(encoding="utf-8-sig")
        except UnicodeDecodeError as exc:
            return cls(path, None, f"not UTF-8 text ({exc.reason} at byte {exc.start})", {})
        return cls(path, *_expected_verdict(source.splitlines()), read_claims(source))


def _expected_verdict(lines: list[str]) -> tuple[Verdict | None, str]:
    match = EXPECT.match(lines[0]) if lines else None
    if match is None:
        return None, "line 1 must be '# expect: <verdict>'"
    try:
        verdict = Verdict(match.group(1))
    except ValueError:
        valid = ", ".join(v.value for v in Verdict if v is not Verdict.INTERNAL_ERROR)
        return None, f"line 1: unknown verdict '{match.group(1)}' (one of {valid})"
    if len(lines) < 2 or not WHY.match(lines[1]):
        return None, "line 2 must be '# why: <what this solution does>'"
    return verdict, ""


def corpus_entries(directory: Path) -> list[CorpusEntry]:
    """The problem's known solutions, in name order."""
    return [CorpusEntry.read(path) for path in sorted((directory / "corpus").glob("*.py"))]


class Checker:
    """Runs every check of one problem folder against one sandbox backend.

    With `jobs` > 1 the corpus is judged that many files at a time, each by the real
    `judge run` in a process of its own (judge.grade.pool, as `judge grade` does): a
    run is the judge and its worker taking turns, so one run at a time leaves a core
    idle on a quiet machine; starting a process per file costs about 0.5 s of CPU,
    which a busy machine pays for without the idle core. With `jobs` == 1 the files
    are judged in this process, one after the other. The complexity measurements
    come after, one at a time.
    """

    def __init__(self, backend: Backend, *, seed: int = 0, jobs: int = 1, hidden_paths: tuple[Path, ...] = (),
                 on_check: Callable[[Check], None] | None = None) -> None:
        self.backend = backend
        self.seed = seed
        self.jobs = jobs
        self.hidden_paths = hidden_paths
        self.on_check = on_check or (lambda check: None)
        self._report = ProblemReport("")

    def check(self, directory: Path, *, quick: bool = False) -> ProblemReport:
        """All checks of the folder; `quick` leaves out the corpus (the slow part)."""
        started = time.monotonic()
        self._report = ProblemReport(directory.name)
        try:
            problem = load_problem(directory)
        except ProblemConfigError as exc:
            # Nothing else can be judged without the problem's own description.
            self._emit(Check("problem.toml", False, str(exc), malformed=True))
        else:
            self._emit(Check("problem.toml", True, f"{problem.title} ({problem.difficulty}, {problem.kind} "
                                                   f"{problem.entry_point})"))
            self._emit(check_spec(problem))
            self._emit(check_hints(problem))
            self._emit(check_declaration(problem))
            self._emit(self.check_reference(problem))
            self._emit(self.check_starter(problem))
            if not quick:
                self.check_corpus(problem)
        self._report.duration_s = time.monotonic() - started
        return self._report

    def _emit(self, check: Check) -> None:
        self._report.checks.append(check)
        self.on_check(check)

    # ------------------------------------------------------------ judged checks

    def judge(self, problem: Problem, path: Path) -> dict[str, Any]:
        """One run in this process, as its JSON report (the shape the corpus's runs give)."""
        result = judge_solution(problem, path, self.backend, seed=self.seed, measure_complexity=False,
                                hidden_paths=self.hidden_paths)
        return result.to_dict()

    def check_reference(self, problem: Problem) -> Check:
        try:
            report = self.judge(problem, problem.reference_path)
        except ProblemConfigError as exc:
            return Check("reference.py", False, str(exc), malformed=True)
        if report["verdict"] != Verdict.ACCEPTED.value:
            return Check("reference.py", False, f"fails its own hidden tests: {_why(report)}")
        return Check("reference.py", True, f"passes its own hidden tests ({len(report['cases'])} cases)")

    def check_starter(self, problem: Problem) -> Check:
        subject = "starter.py"
        if not problem.starter_path.is_file():
            return Check(subject, False, "missing: `judge init` copies it for the candidate")
        source = problem.starter_path.read_text(encoding="utf-8-sig")
        try:
            compile(source, str(problem.starter_path), "exec")
        except SyntaxError as exc:
            return Check(subject, False, f"does not compile: line {exc.lineno}: {exc.msg}")
        claimed = ", ".join(f"line {c.line} '# {c.axis}: {c.text}'" for c in read_claims(source).values())
        if claimed:
            return Check(subject, False, f"states a complexity ({claimed}): leave 'O(?)' for the candidate")
        try:
            report = self.judge(problem, problem.starter_path)
        except ProblemConfigError as exc:
            return Check(subject, False, str(exc), malformed=True)
        if Verdict(report["verdict"]) not in POLITE_STARTER_VERDICTS:
            return Check(subject, False, f"must define {problem.entry_point} and fail the tests as a runtime error "
                                         f"or wrong answer, got {report['verdict']}: {_why(report)}")
        return Check(subject, True, f"compiles and is rejected politely ({report['verdict']})")

    def check_corpus(self, problem: Problem) -> None:
        """Every corpus file's verdict (side by side), then the classes stated (one at a time)."""
        entries = corpus_entries(problem.directory)
        for entry in entries:
            if entry.expected is None:
                self._emit(Check(f"corpus/{entry.path.name}", False, entry.header_problem))
        judged = {entry.path.resolve(): entry for entry in entries if entry.expected is not None}
        if self.jobs == 1:
            self._judge_here(problem, judged)
        else:
            self._judge_side_by_side(problem, judged)
        for entry in judged.values():
            if entry.claims:
                self._emit(self.check_claims(problem, entry))

    def _judge_here(self, problem: Problem, judged: dict[Path, CorpusEntry]) -> None:
        """One file after the other in this process: no process to start per file."""
        for path, entry in judged.items():
            try:
                report = self.judge(problem, path)
            except ProblemConfigError as exc:
                self._emit(Check(f"corpus/{entry.path.name}", False, str(exc), malformed=True))
            else:
                self._emit(_verdict_check(entry, CellOutcome(Submission("corpus", problem.slug, path, 1.0),
                                                             report["verdict"], report["message"], report)))

    def _judge_side_by_side(self, problem: Problem, judged: dict[Path, CorpusEntry]) -> None:
        """`jobs` files at a time, each by `judge run` in a process of its own."""
        options = RunOptions(sandbox=self.backend.name, seed=self.seed, complexity=False,
                             problem_roots=(problem.directory.parent,), hide=self.hidden_paths)
        on_done = lambda outcome: self._emit(_verdict_check(judged[outcome.submission.path], outcome))  # noqa: E731
        Pool(options, self.jobs, on_done=on_done).run([Submission("corpus", problem.slug, p, 1.0) for p in judged])

    def check_claims(self, problem: Problem, entry: CorpusEntry) -> Check:
        """The classes measured for the file are those its `# time:` / `# memory:` lines state."""
        subject = f"corpus/{entry.path.name} complexity"
        unreadable = [c for c in entry.claims.values() if c.complexity is None]
        if unreadable:
            claim = unreadable[0]
            return Check(subject, False, f"line {claim.line}: cannot read '# {claim.axis}: {claim.text}': {claim.problem}")
        if declare.load(problem.directory) is None:
            return Check(subject, False, "states a complexity, but the problem has no complexity.py to measure it")
        for attempt in range(MEASUREMENT_ATTEMPTS):
            try:
                result = measure_solution(problem, entry.path, self.backend, seed=self.seed + attempt,
                                          hidden_paths=self.hidden_paths)
            except ImportFailed as failure:
                return Check(subject, False, f"cannot be measured: it does not import ({failure.error.summary()})")
            disagreements = _disagreements(entry.claims, result)
            if not disagreements:
                return Check(subject, True, _measured(result, entry.claims))
        return Check(subject, False, "; ".join(disagreements))


def _verdict_check(entry: CorpusEntry, outcome: CellOutcome) -> Check:
    subject = f"corpus/{entry.path.name}"
    expected = entry.expected
    assert expected is not None  # check_corpus judges only the entries that state a verdict
    if outcome.report is None:  # the run itself failed: its own message says why
        malformed = outcome.message.startswith(f"`judge run` exited {int(ExitCode.PROBLEM_CONFIG_ERROR)}")
        return Check(subject, False, outcome.message, malformed=malformed)
    if outcome.verdict == expected.value:
        return Check(subject, True, outcome.verdict)
    return Check(subject, False, f"expected {expected.value}, got {outcome.verdict}: {_why(outcome.report)}")


def measure_solution(problem: Problem, path: Path, backend: Backend, *, seed: int = 0,
                     hidden_paths: tuple[Path, ...] = ()) -> ComplexityResult | None:
    """The complexity phase alone, whatever the hidden tests would say (a too-slow solution too)."""
    hidden = (problem.directory.parent, JUDGE_PACKAGE, *hidden_paths)
    job = Job(path.resolve(), problem.limits, problem.allowed_modules, hidden)
    with backend.open(job) as box:
        client = WorkerClient(box, problem.limits)
        try:
            client.start()
            return measure(problem, client, seed)
        finally:
            client.close()


def _disagreements(claims: dict[str, AxisClaim], result: ComplexityResult | None) -> list[str]:
    found = []
    for axis, claim in claims.items():
        stated = claim.complexity
        assert stated is not None  # check_claims returns on an unreadable claim first
        measured = getattr(result, axis, None) if result else None
        if measured is None:
            found.append(f"{axis}: states {stated.label}, but the problem's complexity.py does not "
                         f"measure {axis}")
        elif measured.measured is None:
            found.append(f"{axis}: states {stated.label}, measured nothing conclusive "
                         f"({measured.fit.reason})")
        elif measured.measured.group != stated.group:
            found.append(f"{axis}: states {stated.label}, measured {measured.measured.label} "
                         f"({measured.fit.reason})")
    return found


def _measured(result: ComplexityResult | None, claims: dict[str, AxisClaim]) -> str:
    """The classes measured; `result` is None only when there are no claims (else they disagree)."""
    return ", ".join(f"{axis} {getattr(result, axis).measured.label}" for axis in claims)


def _why(report: dict[str, Any]) -> str:
    """The first failing case of a run's report, in one line: enough to start looking."""
    failing = [c for c in report.get("cases") or [] if c.get("verdict") != Verdict.ACCEPTED.value]
    if not failing:
        message = (report.get("message") or "").strip()
        return message.splitlines()[0] if message else report.get("verdict", "")
    case = failing[0]
    message = " ".join(str(case.get("message") or "").split())[:160]
    more = f" (and {len(failing) - 1} more)" if len(failing) > 1 else ""
    return f"{case.get('name')}: {case.get('verdict')}: {message}{more}"


# ------------------------------------------------------------ static checks

# A line of the reference this long, found in a hint, is the reference's code, not a coincidence.
REFERENCE_LINE_CHARS = 24


def check_spec(problem: Problem) -> Check:
    text = problem.spec_path.read_text(encoding="utf-8") if problem.spec_path.is_file() else ""
    if not text.strip():
        return Check("spec.md", False, "missing or empty: it is the statement the candidate reads")
    return Check("spec.md", True, f"{len(text.splitlines())} lines")


def check_hints(problem: Problem) -> Check:
    """Three levels, and none of them gives the reference away: no code block, no line of it."""
    try:
        hints = read_hints(problem.directory)
    except ProblemConfigError as exc:
        return Check("hints.md", False, str(exc))
    reference = {line.strip() for line in _read_text(problem.reference_path).splitlines()
                 if len(line.strip()) >= REFERENCE_LINE_CHARS}
    for hint in hints:
        if "```" in hint.text:
            return Check("hints.md", False, f"level {hint.level} holds a code block: hints are words, not code")
        copied = [line.strip() for line in hint.text.splitlines() if line.strip() in reference]
        if copied:
            return Check("hints.md", False, f"level {hint.level} copies the reference: {copied[0]!r}")
    return Check("hints.md", True, f"{len(hints)} levels")


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return ""


def check_declaration(problem: Problem) -> Check:
    """complexity.py loads and builds a case at every size the judge may ask for."""
    subject = "complexity.py"
    try:
        declaration = declare.load(problem.directory)
    except ProblemConfigError as exc:
        return Check(subject, False, str(exc), malformed=True)
    if declaration is None:
        return Check(subject, True, "none: the problem's complexity is not measured")
    sizes = doubling_sizes(*declaration.sizes)
    for n in sizes:
        try:
            case = declaration.build(n, random.Random(f"0:{n}"))
        except Exception as exc:  # trusted code, but an author's bug must read as one, with its size
            return Check(subject, False, f"build({n}, rng) raised {type(exc).__name__}: {exc}", malformed=True)
        wrong = _case_problem(case, problem)
        if wrong:
            return Check(subject, False, f"build({n}, rng): {wrong}", malformed=True)
    return Check(subject, True, f"time {declaration.time}, memory {declaration.memory}; "
                                f"builds n = {sizes[0]}..{sizes[-1]} ({len(sizes)} sizes)")


def _case_problem(case: object, problem: Problem) -> str:
    if not isinstance(case, Case):
        return f"returned {type(case).__name__}, expected a judge.complexity.declare.Case"
    called = case.construct.name if case.construct is not None else case.timed.name
    if called != problem.entry_point:
        return f"calls '{called}', but the entry point is '{problem.entry_point}'"
    return ""
