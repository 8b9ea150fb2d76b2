"""Hostile solutions: each gets its verdict and does no harm, on every backend.

Every file in hostile/ (behind the common preamble hostile/_arena.py) solves
is_subsequence while attacking the judge, when called or when imported: the
classes DMOJ's and CMS's own suites use (fork bombs, memory and output floods,
endless loops, writes where it must not, exits and signals) and the ones this
judge's design invites (the protocol channel, the captured output files, the
hidden tests). A case passes when the judge answered with a report (never
internal_error, never a hang) whose verdict is the expected one, and then:

- no process of the run is left (every hostile process carries the case's tag),
- no container of this test process is left (docker),
- nothing outside the sandbox changed (bait files, the problem, the judge),
- no secret reached the JSON report: an environment variable planted in the
  judge's environment, a canary in the hidden tests and problem files, and a
  file only the judge's user may read.

The docker cases carry @pytest.mark.docker: without a ready engine they skip
with the reason, and under CI=true they fail instead.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import re
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from judge.errors import JudgeError, SandboxError
from judge.harness.results import RunResult
from judge.harness.run import JUDGE_PACKAGE, judge_solution
from judge.problems.loader import load_problem
from judge.report.json_report import render_json
from judge.sandbox import get_backend
from judge.sandbox.base import Backend
from judge.verdicts import Verdict
from tests.conftest import PROBLEMS_ROOT, REPO
from tests.waiting import scaled

HOSTILE = Path(__file__).with_name("hostile")
SLUG = "is_subsequence"
SECRET_VAR = "JUDGE_HOSTILE_SECRET"
SECRET = "env-secret-" + uuid.uuid4().hex
CANARY = "hidden-canary-" + uuid.uuid4().hex
ROOT_ONLY = "owner-only-canary-" + uuid.uuid4().hex
# Small limits keep every case to a few seconds (see _small_limits).
LIMITS = {"time_per_call_s": 0.5, "memory_mb": 128, "output_kb": 16}
MAX_EXAMPLES = 5
JUDGE_BUDGET_S = 150  # far above any case; only a hang reaches it
# Every attack's run ends within the run's wall allowance (docs/limits.md) plus the
# judge's own work around the calls: start-up, the hidden tests' own code, clean-up.
JUDGE_OWN_WORK_S = 12.0
LEFTOVER_GRACE_S = 5.0
DISK_WRITE_CAP = 128 << 20  # the disk filler aims at several GiB


# ---------------------------------------------------------------- backends


def _unavailable(reason: str) -> None:
    """A missing engine fails the docker cases in CI and skips them elsewhere."""
    if os.environ.get("CI") == "true":
        pytest.fail(f"CI must run the docker cases for real: {reason}")
    pytest.skip(reason)


@functools.cache
def _probe(name: str) -> tuple[Backend | None, str]:
    try:
        backend = get_backend(name)
        probe = backend.probe()
    except SandboxError as exc:
        return None, str(exc)
    return (backend, "") if probe.available else (None, f"the {name} sandbox is not available: {probe.reason}")


def _backend(name: str) -> Backend:
    backend, reason = _probe(name)
    if backend is None:
        _unavailable(reason)
    return backend


BACKENDS = [pytest.param("local", id="local"), pytest.param("docker", id="docker", marks=pytest.mark.docker)]
# `judge run` as users run it: the hidden tests shared with a partner process, each in a box of its own.
PARALLEL = [pytest.param("local, parallel", id="local-parallel"),
            pytest.param("docker, parallel", id="docker-parallel", marks=pytest.mark.docker)]


# ---------------------------------------------------------------- the arena


class Listener:
    """A TCP listener on loopback that records every connection it gets."""

    def __init__(self) -> None:
        self.socket = socket.create_server(("127.0.0.1", 0))
        self.socket.settimeout(0.2)
        self.port = self.socket.getsockname()[1]
        self.received: list[bytes] = []
        self.stopped = threading.Event()
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        while not self.stopped.is_set():
            try:
                connection, _ = self.socket.accept()
            except OSError:
                continue
            with connection:
                connection.settimeout(1)
                try:
                    self.received.append(connection.recv(4096) or b"<connected>")
                except OSError:
                    self.received.append(b"<connected>")

    def close(self) -> None:
        self.stopped.set()
        self.thread.join(timeout=2)
        self.socket.close()


@dataclass
class Arena:
    """Everything the attacks aim at, outside the sandbox."""

    root: Path
    problems: Path
    bait: Path
    owner_only: Path
    listener: Listener
    sentinel: subprocess.Popen | None

    @property
    def problem_dir(self) -> Path:
        return self.problems / SLUG

    def targets(self, tag: str) -> dict:
        """The arena as the hostile preamble reads it."""
        return {
            "tag": tag,
            "port": self.listener.port,
            "search_roots": [str(self.root)],
            "writable_bait": [str(self.bait)],
            "owner_only_file": str(self.owner_only),
            "write_targets": [
                str(self.problem_dir / "*"), str(self.bait / "*"), str(self.owner_only),
                str(JUDGE_PACKAGE / "__init__.py"), str(JUDGE_PACKAGE / "sandbox" / "*.py"),
                str(PROBLEMS_ROOT / SLUG / "*"), str(HOSTILE / "*"),
            ],
            "judge_pids": [os.getpid(), os.getppid()],
        }


def _start_sentinel(tag: str) -> subprocess.Popen | None:
    """An unprivileged process outside the sandbox (nobody; our own user when not root).

    Signals must not reach it. Under a non-root judge it shares the worker's host uid.
    """
    command = [sys.executable, "-c", "import time; time.sleep(3600)", tag]
    if os.geteuid() == 0:
        if not shutil.which("setpriv"):
            return None
        command = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", *command]
    return subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, start_new_session=True)


def _copy_problem_with_canary(problems: Path) -> None:
    """The real problem, with small limits and the canary in every file the solution must not see."""
    target = problems / SLUG
    shutil.copytree(PROBLEMS_ROOT / SLUG, target, ignore=shutil.ignore_patterns("__pycache__", "corpus"))
    for name in ("hidden_tests.py", "reference.py", "problem.toml", "spec.md"):
        path = target / name
        comment = "<!-- {} -->\n" if name.endswith(".md") else "# {}\n"
        path.write_text(comment.format(CANARY) + path.read_text())
    _small_limits(target / "problem.toml")


def _small_limits(toml: Path) -> None:
    text = toml.read_text()
    for key, value in LIMITS.items():
        text, count = re.subn(rf"(?m)^{key}\s*=.*$", f"{key} = {value}", text)
        assert count == 1, f"{toml} has no single {key}"
    text, count = re.subn(r"(?m)^max_examples\s*=.*$", f"max_examples = {MAX_EXAMPLES}", text)
    assert count == 1, f"{toml} has no max_examples"
    toml.write_text(text)


def _open_up(root: Path) -> None:
    """World-readable, so that only the sandbox stands between the solution and the canary."""
    for directory, _, files in os.walk(root):
        os.chmod(directory, 0o755)
        for name in files:
            os.chmod(os.path.join(directory, name), 0o644)


@pytest.fixture(scope="module")
def arena() -> Iterator[Arena]:
    root = Path(tempfile.mkdtemp(prefix="judge-arena-"))
    problems, bait = root / "problems", root / "bait"
    _copy_problem_with_canary(problems)
    _open_up(root)
    bait.mkdir(mode=0o777)
    os.chmod(bait, 0o777)  # world-writable: only the sandbox protects it
    (bait / "bait.txt").write_text("bait\n")
    os.chmod(bait / "bait.txt", 0o666)
    owner_only = root / "owner-only.txt"
    owner_only.write_text(ROOT_ONLY + "\n")
    os.chmod(owner_only, 0o600)
    listener = Listener()
    sentinel = _start_sentinel("sentinel-" + uuid.uuid4().hex[:8])
    yield Arena(root, problems, bait, owner_only, listener, sentinel)
    listener.close()
    if sentinel is not None:
        sentinel.kill()
        sentinel.wait()
    shutil.rmtree(root, ignore_errors=True)


# ---------------------------------------------------------------- running a case


def _materialize(name: str, arena: Arena, tag: str, directory: Path) -> Path:
    """The preamble with the arena filled in, then the attack: one solution file."""
    preamble = (HOSTILE / "_arena.py").read_text()
    placeholder = '{"tag": "hostile"}'
    assert placeholder in preamble
    preamble = preamble.replace(placeholder, json.dumps(arena.targets(tag)))
    path = directory / f"{name}.py"
    path.write_text(preamble + "\n\n# ---- the attack ----\n\n" + (HOSTILE / f"{name}.py").read_text())
    return path


class JudgeHung(Exception):
    pass


def _judge_with_watchdog(arena: Arena, solution: Path, backend: Backend, parallel: bool = False) -> RunResult:
    """judge_solution, interrupted (and failed) if it ever takes JUDGE_BUDGET_S."""
    fired = []

    def on_alarm(signum, frame):
        fired.append(True)
        raise KeyboardInterrupt  # pytest.main inside the judge stops on this and no other

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, JUDGE_BUDGET_S)
    try:
        return judge_solution(load_problem(arena.problem_dir), solution, backend, measure_complexity=False,
                              hidden_paths=(PROBLEMS_ROOT, REPO / "tests"), parallel=parallel)
    except (KeyboardInterrupt, JudgeError) as exc:
        if fired:
            raise JudgeHung(f"the judge was still running after {JUDGE_BUDGET_S} s") from exc
        raise
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _describe(result: RunResult) -> str:
    cases = "\n".join(f"  {c.name}: {c.verdict.value} {c.message[:200]}" for c in result.cases)
    return f"verdict {result.verdict.value}: {result.message[:500]}\n{cases}"


# ---------------------------------------------------------------- harm checks


def _processes_tagged(tag: str) -> list[str]:
    """Processes whose name or command line carries the tag."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            comm = (entry / "comm").read_text().strip()
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue  # gone meanwhile
        if tag in comm or tag in cmdline:
            found.append(f"{entry.name} {comm}: {cmdline[:120]}")
    return found


def _no_process_left(tag: str) -> None:
    # A killed PID namespace or container is torn down by the kernel a moment later.
    deadline = time.monotonic() + scaled(LEFTOVER_GRACE_S)
    while (left := _processes_tagged(tag)) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not left, f"processes of the run outlived it: {left}"


def _containers(backend_name: str) -> set[str]:
    """The judge's containers on the engine: the run's partner and lane label theirs with their own pid."""
    if backend_name != "docker":
        return set()
    from judge.sandbox.docker import connect
    from judge.sandbox.docker.container import LABEL

    # sparse: no inspection per container, which fails on one the engine is auto-removing
    return {c.id for c in connect().containers.list(all=True, sparse=True, filters={"label": LABEL})}


def _fingerprint(root: Path) -> dict[str, tuple]:
    """Every file and directory under root: kind, mode, owner and content hash."""
    state = {}
    for directory, subdirs, files in os.walk(root):
        for name in subdirs + files:
            path = os.path.join(directory, name)
            info = os.lstat(path)
            digest = hashlib.sha256(Path(path).read_bytes()).hexdigest() if os.path.isfile(path) else ""
            state[path] = (info.st_mode, info.st_uid, info.st_size, digest)
    return state


def _judge_files_untouched(tag: str) -> None:
    """The judge's real files change under other engineers' hands: look for the attack's marks only."""
    for directory in (JUDGE_PACKAGE, JUDGE_PACKAGE / "sandbox", PROBLEMS_ROOT / SLUG, HOSTILE):
        planted = list(directory.glob(f"{tag}*"))
        assert not planted, f"the solution planted files in {directory}: {planted}"
        for path in directory.glob("*.py"):
            assert tag not in path.read_text(errors="replace"), f"the solution wrote into {path}"
            assert not path.stat().st_mode & 0o002, f"the solution made {path} world-writable"


def _no_secret_in(report: str) -> None:
    for secret, what in ((SECRET, "the judge's environment"), (CANARY, "the hidden problem files"),
                         (ROOT_ONLY, "a file only the judge's user may read")):
        assert secret not in report, f"the report leaks a secret from {what}"


# ---------------------------------------------------------------- case-specific checks


def _sentinel_alive(arena: Arena, result: RunResult, report: str) -> None:
    if arena.sentinel is not None:
        assert arena.sentinel.poll() is None, "a process of the sandbox's host user outside the sandbox was killed"


def _nothing_received(arena: Arena, result: RunResult, report: str) -> None:
    assert not arena.listener.received, f"the loopback listener was reached: {arena.listener.received[:3]}"


def _disk_bounded(arena: Arena, result: RunResult, report: str) -> None:
    counts = [int(n) for n in re.findall(r"disk-filler wrote (\d+) bytes", result.output.stderr)]
    assert counts, "the disk filler never reported what it wrote"
    assert max(counts) <= DISK_WRITE_CAP, f"the solution wrote {max(counts) >> 20} MiB to disk"


def _output_capped(arena: Arena, result: RunResult, report: str) -> None:
    cap = LIMITS["output_kb"] * 1024
    assert len(result.output.stdout.encode()) <= cap and len(result.output.stderr.encode()) <= cap
    assert result.output.truncated or len(result.output.stdout) + len(result.output.stderr) > 0


def _attack_ran(pattern: str) -> Callable[[Arena, RunResult, str], None]:
    """The attack reached the report (so the secret checks are not vacuous)."""

    def check(arena: Arena, result: RunResult, report: str) -> None:
        assert re.search(pattern, report), f"the attack never reported back ({pattern!r} not in the report)"

    return check


# ---------------------------------------------------------------- the cases


@dataclass(frozen=True)
class Case:
    """A hostile file, the verdict it must get, and its extra harm checks.

    `needs` names the protections its harm checks rest on (any one of each
    group will do). On a machine whose report says one is not enforced (no
    unprivileged namespaces, say), the verdict is still checked and the harm
    checks are skipped with the report's own words: said, not silently dropped.
    """

    name: str
    verdict: Verdict
    checks: tuple[Callable[[Arena, RunResult, str], None], ...] = ()
    needs: tuple[tuple[str, ...], ...] = ()


TLE, MLE, OLE = Verdict.TIME_LIMIT_EXCEEDED, Verdict.MEMORY_LIMIT_EXCEEDED, Verdict.OUTPUT_LIMIT_EXCEEDED
RTE, WA, AC = Verdict.RUNTIME_ERROR, Verdict.WRONG_ANSWER, Verdict.ACCEPTED

ANY_PROCESS_ISOLATION = ("pid_namespace", "own_user_id")

CASES = [
    Case("fork_bomb", TLE, (_sentinel_alive,)),
    Case("memory_bomb", MLE),
    Case("memory_creep", MLE),
    Case("memory_bomb_at_import", MLE),
    Case("endless_loop", TLE),
    Case("sleeper", TLE),
    Case("ignores_sigterm", TLE),
    Case("stops_itself", TLE),
    Case("lies_about_time", TLE),
    Case("output_flood", OLE, (_output_capped,)),
    Case("output_flood_caught", OLE, (_output_capped,)),
    Case("output_flood_raw", OLE, (_output_capped,)),
    Case("gigantic_return", OLE),
    Case("disk_filler", AC, (_disk_bounded,), needs=(("read_only_root",),)),
    Case("network_client", RTE, (_nothing_received,), needs=(("network_namespace",),)),
    Case("hidden_test_hunter", RTE, (_attack_ran(r"looked at [1-9]\d* entries"),), needs=(("judge_files_hidden",),)),
    Case("environment_reader", RTE, (_attack_ran("PYTHONHASHSEED=0"),), needs=(ANY_PROCESS_ISOLATION,)),
    Case("judge_signaller", AC, (_sentinel_alive,), needs=(ANY_PROCESS_ISOLATION,)),
    Case("judge_file_writer", AC, needs=(("read_only_root",),)),
    Case("output_symlink", AC),
    Case("daemon", AC, needs=(ANY_PROCESS_ISOLATION,)),
    Case("endless_thread", AC),
    Case("orphan_holds_channel", RTE),
    Case("os_exit", RTE),
    Case("system_exit", RTE),
    Case("exits_at_import", RTE),
    Case("closes_channel", RTE),
    Case("garbage_to_fds", RTE),
    Case("segfault_recursion", RTE),
    Case("always_equal", WA),
    Case("sneaky_import", Verdict.FORBIDDEN_IMPORT),
]


def test_every_hostile_file_has_a_case() -> None:
    files = {p.stem for p in HOSTILE.glob("*.py") if not p.name.startswith("_")}
    assert files == {case.name for case in CASES}


@pytest.mark.parametrize("backend_name", [*BACKENDS, *PARALLEL])
@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_hostile_solution(case: Case, backend_name: str, arena: Arena, tmp_path: Path,
                          monkeypatch: pytest.MonkeyPatch) -> None:
    name, _, parallel = backend_name.partition(", ")
    before = _containers(name)
    _judge_case(case, _backend(name), arena, tmp_path, monkeypatch, bool(parallel))
    assert _containers(name) <= before, "containers outlived the run"


def _judge_case(case: Case, backend: Backend, arena: Arena, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                parallel: bool = False) -> None:
    """Judges one hostile file in-process, then checks its verdict and that it did no harm."""
    monkeypatch.setenv(SECRET_VAR, SECRET)
    tag = "h" + uuid.uuid4().hex[:12]
    solution = _materialize(case.name, arena, tag, tmp_path)
    arena.listener.received.clear()
    before = _fingerprint(arena.root)

    started = time.monotonic()
    result = _judge_with_watchdog(arena, solution, backend, parallel)
    took = time.monotonic() - started
    report = render_json(result)

    assert result.verdict is not Verdict.INTERNAL_ERROR, _describe(result)
    assert result.verdict is case.verdict, _describe(result)
    ceiling = load_problem(arena.problem_dir).limits.run_wall_s + JUDGE_OWN_WORK_S
    assert took <= ceiling, f"the run took {took:.1f} s, over its ceiling of {ceiling:.1f} s"
    _skip_unless_enforced(result, case.needs)
    _no_harm(case, arena, result, report, tag, before)


def _no_harm(case: Case, arena: Arena, result: RunResult, report: str, tag: str, before: dict) -> None:
    _no_process_left(tag)
    assert _fingerprint(arena.root) == before, "files outside the sandbox changed"
    _judge_files_untouched(tag)
    _no_secret_in(report)
    for check in case.checks:
        check(arena, result, report)


def _skip_unless_enforced(result: RunResult, needs: tuple[tuple[str, ...], ...]) -> None:
    """Skips the harm checks a machine cannot back, once the report itself said so."""
    enforced = result.sandbox.get("enforced", {})
    missing = [" or ".join(group) for group in needs if not any(enforced.get(name) for name in group)]
    if missing:
        notes = result.sandbox.get("notes") or []
        assert notes, "a protection is missing and the report gives no note about it"
        pytest.skip(f"this machine does not enforce {', '.join(missing)}; the report says: {' '.join(notes)}")


# ---------------------------------------------------------------- the local backend without namespaces


def _without_namespaces(monkeypatch: pytest.MonkeyPatch) -> None:
    """The local backend as on a kernel without (unprivileged) namespaces."""
    from judge.sandbox.local import confinement

    monkeypatch.setattr(confinement, "probe_confinement",
                        lambda: confinement.Confinement(reason="turned off by the test"))


def test_without_namespaces_the_report_says_what_is_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    from judge.sandbox.local import LocalBackend

    _without_namespaces(monkeypatch)
    isolation = LocalBackend().probe().isolation
    for protection in ("network_namespace", "pid_namespace", "mount_namespace", "judge_files_hidden", "read_only_root"):
        assert isolation.enforced[protection] is False
    assert any("No namespaces (turned off by the test)" in note for note in isolation.notes)
    assert isolation.enforced["rlimits"] and isolation.enforced["output_files_opened_by_judge"]


def test_doctor_says_what_local_cannot_enforce(run_cli, monkeypatch: pytest.MonkeyPatch) -> None:
    _without_namespaces(monkeypatch)
    result = run_cli("doctor")
    not_enforced, notes = _doctor_cells(result.stdout, "local", 3), _doctor_cells(result.stdout, "local", 4)
    for protection in ("network namespace", "pid namespace", "judge files hidden", "read only root"):
        assert protection in not_enforced
    assert "No namespaces (turned off by the test)" in notes


def _doctor_cells(table: str, row: str, column: int) -> str:
    """One cell of `judge doctor`'s table, its wrapped lines joined back with spaces."""
    lines, inside = [], False
    for line in table.splitlines():
        cells = [c.strip() for c in line.split("│")[1:-1]]
        if not cells:
            continue  # borders and rules
        if cells[0]:
            inside = cells[0] == row  # only the first line of a row names it
        if inside:
            lines.append(cells[column])
    return " ".join(" ".join(lines).split())


# Without namespaces a root judge still contains these: rlimits, a process group,
# the box's own uid (signals and leftovers), the judge's own reading of the output.
FALLBACK_CASES = [c for c in CASES if c.name in (
    "daemon", "judge_signaller", "orphan_holds_channel", "os_exit", "output_symlink", "output_flood_caught", "fork_bomb",
)]


@pytest.mark.parametrize("case", FALLBACK_CASES, ids=lambda case: case.name)
def test_hostile_solution_without_namespaces(case: Case, arena: Arena, tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    _without_namespaces(monkeypatch)
    _judge_case(case, _backend("local"), arena, tmp_path, monkeypatch)


def test_captured_output_is_read_without_following_links_or_blocking(tmp_path: Path) -> None:
    from judge.sandbox.output import read_output

    secret = tmp_path / "secret.txt"
    secret.write_text(ROOT_ONLY)
    out = tmp_path / "out"
    out.mkdir()
    (out / "stdout.0001").write_text("real output\n")
    (out / "stdout.0002").symlink_to(secret)
    os.mkfifo(out / "stdout.0003")
    (out / "stderr.0001").write_text("x" * 100)

    captured = read_output(out, cap=64)  # a FIFO would block here forever if opened blindly

    assert captured.stdout == "real output\n"
    assert ROOT_ONLY not in captured.stdout
    assert captured.stderr == "x" * 64 and captured.truncated


# ---------------------------------------------------------------- controls and the non-root path


def _as_sandbox_user(command: list[str]) -> list[str]:
    """The command as the host user the local worker would be (nobody, when we are root)."""
    if os.geteuid() != 0:
        return command
    return ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--", *command]


def test_the_hunter_finds_the_canary_when_nothing_hides_it(arena: Arena, tmp_path: Path) -> None:
    """The control for the leak checks above: the same search, run outside any sandbox as the
    sandbox's host user, does reach the canary (so its absence from the reports means something)."""
    if os.geteuid() == 0 and not shutil.which("setpriv"):
        pytest.skip("setpriv is needed to search as the sandbox's user")
    source = _materialize("hidden_test_hunter", arena, "hcontrol", tmp_path).read_text()
    code = "import sys; exec(sys.stdin.read()); found, _ = _hunt(); print(' '.join(_peek(p) for p in found))"
    result = subprocess.run(_as_sandbox_user([sys.executable, "-I", "-c", code]), input=source,
                            capture_output=True, text=True, timeout=60, cwd="/", check=False)
    assert CANARY in result.stdout, result.stderr[-2000:]


def _reachable_interpreter() -> tuple[Path, list[str]] | None:
    """The folder that uid 65534 may not enter on the way to our interpreter (a venv's
    base Python included, e.g. pyenv under /root), with the children on those ways;
    None when every folder is open. More than one closed folder: not handled."""
    targets = {Path(sys.prefix).resolve(), Path(sys.base_prefix).resolve()}
    ways = {(folder, target.relative_to(folder).parts[0])
            for target in targets for folder in target.parents if not os.stat(folder).st_mode & 0o001}
    closed = {folder for folder, _ in ways}
    if len(closed) > 1:
        pytest.skip(f"the interpreter lies behind several closed folders: {sorted(closed)}")
    if not closed:
        return None
    return closed.pop(), sorted(child for _, child in ways)


def _nobody_script(judge_argv: list[str], env: dict[str, str]) -> str:
    """A shell script for a private mount namespace: open the way to the interpreter, then run as nobody."""
    lines = ["set -e"]
    way = _reachable_interpreter()
    if way is not None:
        closed, children = way
        for number, child in enumerate(children):
            lines += [f'stash{number}=$(mktemp -d)', f'mount --bind {shlex.quote(str(closed / child))} "$stash{number}"']
        lines.append(f'mount -t tmpfs -o mode=755,size=1m judge-open {shlex.quote(str(closed))}')
        for number, child in enumerate(children):
            lines += [f'mkdir {shlex.quote(str(closed / child))}',
                      f'mount --bind "$stash{number}" {shlex.quote(str(closed / child))}']
    assignments = " ".join(shlex.quote(f"{k}={v}") for k, v in env.items())
    command = " ".join(shlex.quote(arg) for arg in judge_argv)
    lines.append(f"exec setpriv --reuid=65534 --regid=65534 --clear-groups -- env -i {assignments} {command}")
    return "\n".join(lines)


@pytest.fixture
def nobody_home() -> Iterator[Path]:
    home = Path(tempfile.mkdtemp(prefix="judge-nobody-"))
    os.chmod(home, 0o755)
    (home / "data").mkdir(mode=0o777)
    os.chmod(home / "data", 0o777)
    yield home
    shutil.rmtree(home, ignore_errors=True)


# The ones where sharing the judge's (and the sentinel's) uid would matter most.
NON_ROOT_CASES = [c for c in CASES if c.name in (
    "hidden_test_hunter", "judge_file_writer", "daemon", "judge_signaller", "environment_reader",
)]


@pytest.mark.parametrize("case", NON_ROOT_CASES, ids=lambda case: case.name)
def test_hostile_solution_under_a_non_root_judge(case: Case, arena: Arena, nobody_home: Path) -> None:
    """The judge itself as uid 65534 (the local backend's non-root path: a user namespace),
    through the real CLI and its JSON report."""
    if os.geteuid() != 0:
        pytest.skip("the suite itself runs as a non-root user: every local case above took the non-root path")
    if not (shutil.which("setpriv") and shutil.which("unshare")):
        pytest.skip("setpriv and unshare are needed to run the judge as another user")
    tag = "h" + uuid.uuid4().hex[:12]
    solution = _materialize(case.name, arena, tag, nobody_home)
    os.chmod(solution, 0o644)
    before = _fingerprint(arena.root)
    env = {"PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": str(nobody_home / "data"), "LANG": "C.UTF-8",
           "JUDGE_HOME": str(nobody_home / "data"), "JUDGE_PROBLEMS": str(arena.problems), SECRET_VAR: SECRET}
    argv = [sys.executable, "-c", "import sys; from judge.cli import main; sys.argv[0] = 'judge'; main()",
            "run", SLUG, "--solution", str(solution), "--sandbox", "local", "--format", "json", "--no-complexity"]
    script = _nobody_script(argv, env)
    done = subprocess.run(["unshare", "--mount", "--propagation", "private", "--", "sh", "-c", script],
                          capture_output=True, text=True, timeout=JUDGE_BUDGET_S, cwd="/", check=False)
    assert done.stdout.strip().startswith("{"), f"exit {done.returncode}: {done.stderr[-3000:]}"
    report = done.stdout
    data = json.loads(report)
    assert data["sandbox"]["enforced"]["user_namespace"] is True, data["sandbox"]
    assert data["verdict"] == case.verdict.value, data["message"] or [c["message"] for c in data["cases"]]
    _no_process_left(tag)
    assert _fingerprint(arena.root) == before, "files outside the sandbox changed"
    _judge_files_untouched(tag)
    _no_secret_in(report)
    for check in case.checks:  # these cases' checks read the arena and the report only
        check(arena, None, report)
