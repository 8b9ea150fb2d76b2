"""The docker backend, for real where an engine runs.

Tests marked `docker` need the engine and the judge image. Where they are
missing they skip with the reason on a laptop, and FAIL under CI=true: CI
installs and starts Docker (.ci/docker-setup.sh), so a skip there would hide a
broken set-up. The other tests need neither.
"""

from __future__ import annotations

import json
import os
import re
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import textwrap
import time
import types
from pathlib import Path

import pytest

from judge.errors import SandboxError
from judge.harness.run import judge_solution
from judge.limits import Limits
from judge.problems.loader import load_problem
from judge.sandbox.base import Job, WorkerGone
from judge.sandbox.client import Breach, ImportFailed, SolutionFailed, WorkerClient
from judge.sandbox.docker import (
    CHANNELS,
    IMAGE,
    KEEPER_USER,
    NO_FIGURES_NOTE,
    SANDBOX_USER,
    STREAM_NOTE,
    ApiAccounting,
    CgroupAccounting,
    Demux,
    DockerBackend,
    FifoChannel,
    cgroup_accounting,
    connect,
    docker_status,
    worker_argv,
)
from judge.sandbox.termination import split_shell_status
from judge.verdicts import Verdict
from tests.conftest import PROBLEMS_ROOT, REPO
from tests.sandbox.test_hostile import JUDGE_OWN_WORK_S
from tests.waiting import scaled, wait_for

LIMITS = Limits(time_per_call_s=0.5, memory_mb=96, output_kb=16)

# The solution every container test judges: one function per behaviour.
SOLUTION = '''
import os, socket, subprocess, time

def add(a, b):
    print("adding", a, b)
    return a + b

def probe():
    try:
        socket.create_connection(("192.0.2.1", 80), timeout=1)
        network = "reachable"
    except OSError as exc:
        network = type(exc).__name__
    status = dict(line.split(":\\t", 1) for line in open("/proc/self/status").read().splitlines() if ":\\t" in line)
    try:
        open("/usr/written-by-solution", "w")
        root_writable = True
    except OSError:
        root_writable = False
    return {"uid": os.getuid(), "network": network, "network_namespace": os.readlink("/proc/self/ns/net"),
            "interfaces": sorted(os.listdir("/sys/class/net")), "cap_eff": status["CapEff"].strip(),
            "no_new_privs": status["NoNewPrivs"].strip(), "root_writable": root_writable,
            "solution_dir": os.listdir("/solution"), "repo_visible": os.path.exists(REPO)}

def hog():
    blocks = []
    while True:
        blocks.append("x" * (16 << 20))

def spin():
    while True:
        pass

def flood():
    while True:
        print("x" * 1000)

def die():
    os._exit(3)

def die_leaving_the_channel_open():
    if os.fork() == 0:  # the child inherits the worker's end of the channel and keeps it
        while True:
            time.sleep(1)
    os._exit(4)

def linger_at_exit():
    import atexit
    atexit.register(time.sleep, 30)

def leave_behind():
    return subprocess.Popen(["sleep", "1000"], start_new_session=True).pid

def processes():
    found = []
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            found.append(open(f"/proc/{pid}/cmdline").read().replace("\\0", " ").strip())
        except OSError:
            pass
    return found
'''


# ---------------------------------------------------------------- fixtures


@pytest.fixture(scope="module")
def docker_ready() -> None:
    engine, image, detail = docker_status()
    if engine and image:
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"CI=true but Docker is not ready: {detail} (see .ci/docker-setup.sh)", pytrace=False)
    pytest.skip(f"Docker is not ready here: {detail}")


def needs_docker(test):
    """Marks a test `docker` and makes it wait for the engine and image check."""
    return pytest.mark.docker(pytest.mark.usefixtures("docker_ready")(test))


@pytest.fixture
def solution_file(tmp_path: Path) -> Path:
    path = tmp_path / "solution.py"
    path.write_text(SOLUTION.replace("REPO", repr(str(REPO))))
    return path


@pytest.fixture
def open_box(solution_file: Path):
    """Opens DockerBoxes on the test solution; closes whatever the test left open."""
    boxes = []

    def open_(limits: Limits = LIMITS, channel: str = "auto", solution: Path = solution_file, accounting: str = "auto"):
        box = DockerBackend(channel=channel, accounting=accounting).open(Job(solution, limits))
        boxes.append(box)
        return box

    yield open_
    for box in boxes:
        box.close()


def containers_of(box) -> list:
    return box.client.containers.list(all=True, filters={"label": f"judge.run={box.run_id}"}, sparse=True)


def call(client: WorkerClient, name: str, *args):
    return client.call({"op": "call", "name": name, "args": list(args), "kwargs": {}}).value


# ---------------------------------------------------------------- with the engine


@needs_docker
def test_status_says_engine_and_image_are_ready():
    engine, image, detail = docker_status()
    assert (engine, image) == (True, True)
    assert IMAGE in detail


# Both ways of talking to a worker: named pipes (engine on this kernel) and the
# exec's attached stream (any engine). `auto` picks the pipes here.
BOTH_CHANNELS = pytest.mark.parametrize("channel", [c for c in CHANNELS if c != "auto"])


@needs_docker
def test_auto_picks_the_pipes_when_the_engine_shares_our_kernel(open_box):
    assert open_box().channel_dir is not None


@needs_docker
@BOTH_CHANNELS
def test_a_call_round_trips_and_prints_are_captured_apart(open_box, channel: str):
    client = WorkerClient(open_box(channel=channel), LIMITS)
    client.start()
    assert call(client, "add", 2, 3) == 5
    captured = client.close()
    assert captured.stdout == "adding 2 3\n"
    assert captured.stderr == ""


@needs_docker
@pytest.mark.parametrize("prints", [False, True])
def test_output_files_are_read_only_when_the_container_wrote_some(open_box, monkeypatch: pytest.MonkeyPatch,
                                                                  prints: bool):
    """Reading them costs an exec: skipped when the kernel counts no page in the container's tmpfs."""
    box = open_box()
    execs: list[object] = []
    exec_run = box.container.exec_run
    monkeypatch.setattr(box.container, "exec_run", lambda *args, **kwargs: execs.append(args) or exec_run(*args, **kwargs))
    client = WorkerClient(box, LIMITS)
    client.start()
    call(client, "add", 2, 3) if prints else call(client, "processes")
    captured = client.close()
    assert (captured.stdout, captured.stderr) == (("adding 2 3\n" if prints else ""), "")
    assert len(execs) == (1 if prints else 0)


@needs_docker
def test_the_container_is_locked_down(open_box):
    box = open_box()
    client = WorkerClient(box, LIMITS)
    client.start()
    seen = dict(call(client, "probe")["$dict"])
    assert seen["uid"] == int(SANDBOX_USER.split(":")[0])
    assert seen["network"] != "reachable"
    assert seen["interfaces"] == ["lo"]
    assert seen["network_namespace"] != os.readlink("/proc/self/ns/net")
    assert seen["cap_eff"] == "0000000000000000"
    assert seen["no_new_privs"] == "1"
    assert seen["root_writable"] is False
    assert seen["solution_dir"] == ["solution.py"]
    assert seen["repo_visible"] is False


@needs_docker
def test_boxes_open_at_once_share_no_network(open_box):
    # A run's boxes (the judge's, its partner's, the complexity lane's) are open together: a worker
    # reaching another's loopback could hand its work, or its memory, to a box that is not measured.
    namespaces = []
    for box in (open_box(), open_box()):
        client = WorkerClient(box, LIMITS)
        client.start()
        namespaces.append(dict(call(client, "probe")["$dict"])["network_namespace"])
    assert namespaces[0] != namespaces[1]


@needs_docker
def test_the_container_gets_every_limit(open_box):
    box = open_box()
    host = box.client.api.inspect_container(box.container.id)["HostConfig"]
    config = box.client.api.inspect_container(box.container.id)["Config"]
    assert host["NetworkMode"] == "none"
    assert config["NetworkDisabled"] is True  # no network library sandbox: 0.1 CPU s less per box
    assert host["ReadonlyRootfs"] is True
    assert host["Memory"] == host["MemorySwap"] == LIMITS.memory_bytes
    assert host["PidsLimit"] > LIMITS.processes
    assert host["NanoCpus"] == 1_000_000_000
    assert host["CapDrop"] == ["ALL"]
    assert "no-new-privileges" in host["SecurityOpt"]
    assert "/tmp" in host["Tmpfs"]
    assert all(m["RW"] is False for m in box.client.api.inspect_container(box.container.id)["Mounts"])
    assert config["User"] == KEEPER_USER
    assert config["OpenStdin"] is True and config["StdinOnce"] is True  # the keeper's lifeline
    assert host["AutoRemove"] is True


@needs_docker
def test_an_exec_oom_kill_is_reported_though_the_container_flag_misses_it(open_box):
    box = open_box()
    worker = box.spawn()
    assert json.loads(worker.receive(20)) == {"ready": True}
    worker.send(json.dumps({"op": "call", "name": "hog", "args": [], "kwargs": {}}).encode())
    with pytest.raises(WorkerGone):
        while worker.receive(10) is None:
            pass
    ended = worker.terminate()
    assert ended.oom_killed is True
    assert ended.signal == signal.SIGKILL
    box.container.reload()
    assert box.container.attrs["State"]["OOMKilled"] is False  # why the cgroup counter is read


@needs_docker
@BOTH_CHANNELS
def test_limits_give_verdicts_and_the_same_container_serves_on(open_box, channel: str):
    box = open_box(channel=channel)
    client = WorkerClient(box, LIMITS)
    client.start()
    expected = {"hog": Breach.MEMORY, "spin": Breach.TIME, "flood": Breach.OUTPUT, "die": Breach.CRASH}
    for name, breach in expected.items():
        with pytest.raises(SolutionFailed) as failed:
            call(client, name)
        assert failed.value.breach is breach, (name, failed.value.message)
        assert call(client, "add", 1, 1) == 2  # a fresh worker, same container
    assert client.restarts == len(expected)
    assert len(containers_of(box)) == 1
    captured = client.close()  # the flood filled the cap; the later prints went past it
    assert captured.truncated and len(captured.stdout) == LIMITS.output_bytes
    assert captured.stdout.startswith("adding 1 1\n" * 2 + "x" * 1000)  # workers in spawn order


@needs_docker
@BOTH_CHANNELS
def test_a_worker_that_dies_while_a_child_holds_its_channel_is_a_crash_not_a_timeout(open_box, channel: str):
    client = WorkerClient(open_box(channel=channel), LIMITS)
    client.start()
    with pytest.raises(SolutionFailed) as failed:
        call(client, "die_leaving_the_channel_open")
    assert failed.value.breach is Breach.CRASH, failed.value.message
    assert "code 4" in failed.value.message
    assert call(client, "add", 1, 2) == 3


@needs_docker
@BOTH_CHANNELS
def test_a_worker_that_dies_before_speaking_is_noticed_at_once(open_box, channel: str, tmp_path: Path):
    dies = tmp_path / "dies_on_import.py"
    dies.write_text("import os\nos._exit(5)\n")
    client = WorkerClient(open_box(channel=channel, solution=dies), LIMITS)
    started = time.monotonic()
    with pytest.raises(ImportFailed) as failed:
        client.start()
    assert failed.value.breach is Breach.CRASH
    assert "code 5" in failed.value.error.message
    assert time.monotonic() - started < 10  # not the 20 s start-up timeout


@needs_docker
@BOTH_CHANNELS
def test_a_new_worker_never_meets_the_previous_ones_leftovers(open_box, channel: str):
    client = WorkerClient(open_box(channel=channel), LIMITS)
    client.start()
    call(client, "leave_behind")
    deadline = time.monotonic() + scaled(5)  # until the child has exec'd `sleep` (its command line is empty meanwhile)
    while "sleep 1000" not in call(client, "processes"):
        assert time.monotonic() < deadline, "the leftover never started"
    client.close()
    client.start()
    assert "sleep 1000" not in call(client, "processes")


@needs_docker
def test_cpu_seconds_follow_the_worker(open_box):
    worker = open_box().spawn()
    worker.receive(20)
    before = worker.cpu_seconds()
    worker.send(json.dumps({"op": "call", "name": "spin", "args": [], "kwargs": {}}).encode())
    worker.receive(2.0)
    assert worker.cpu_seconds() - before > 0.1  # a fair share of one busy CPU, even on a loaded machine
    assert worker.terminate().signal == signal.SIGKILL


@needs_docker
def test_the_container_is_removed_on_close_and_on_ctrl_c(open_box):
    closed = open_box()
    closed.close()
    assert containers_of(closed) == []
    closed.close()  # idempotent
    with pytest.raises(KeyboardInterrupt), open_box() as interrupted:
        interrupted.spawn()
        raise KeyboardInterrupt
    assert containers_of(interrupted) == []


@needs_docker
def test_closing_a_run_does_not_wait_for_its_worker_to_exit(open_box):
    """At the end of every run: the container's removal ends the worker, so its exit (15 to 240 ms
    here, 30 s for this one) is not waited for."""
    box = open_box()
    client = WorkerClient(box, LIMITS)
    client.start()
    call(client, "linger_at_exit")
    started = time.monotonic()
    client.close()
    assert time.monotonic() - started < 0.2  # waiting for its exit took 0.25 s, then an exec to kill it
    box.close()
    assert containers_of(box) == []


def _wait_for(predicate, timeout_s: float, what: str):
    """The predicate's first true value within timeout_s; fails with `what` otherwise."""
    return wait_for(predicate, what, timeout_s)


def _containers_of_pid(client, pid: int) -> list:
    return client.containers.list(all=True, filters={"label": f"judge.pid={pid}"}, sparse=True)


def _worker_runs(container) -> bool:
    """A process of the sandbox user runs in the container (ps on the engine's host)."""
    try:
        processes = container.top(ps_args="-o uid,pid")["Processes"]
    except Exception:  # created, not yet started; or already gone
        return False
    return any(row[0] == SANDBOX_USER.split(":")[0] for row in processes)


LOOPS_FOREVER = "def is_subsequence(s, t):\n    while True:\n        pass\n"
# A judge reduced to its sandbox: a box, a worker spinning in a call, then nothing.
SPINNING_JUDGE = """
import json, sys, time
from pathlib import Path
from judge.limits import Limits
from judge.sandbox.base import Job
from judge.sandbox.docker import DockerBackend
box = DockerBackend(channel=sys.argv[2]).open(Job(Path(sys.argv[1]), Limits()))
worker = box.spawn()
worker.receive(20)
worker.send(json.dumps({"op": "call", "name": "spin", "args": [], "kwargs": {}}).encode())
time.sleep(3600)
"""


@needs_docker
@pytest.mark.parametrize("judge", ["judge run", "fifo", "attach"])
def test_a_sigkilled_judge_takes_its_container_with_it(judge: str, solution_file: Path, tmp_path: Path):
    if judge == "judge run":  # the real thing: the CLI, busy in a hidden test that never ends
        (tmp_path / "loops.py").write_text(LOOPS_FOREVER)
        command = ["-m", "judge", "run", "is_subsequence", "--solution", "loops.py", "--sandbox", "docker"]
    else:  # each channel, with a worker busy in a call
        command = ["-c", SPINNING_JUDGE, str(solution_file), judge]
    run = subprocess.Popen([sys.executable, *command], cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    client = connect()
    try:
        container = _wait_for(lambda: _containers_of_pid(client, run.pid), 60, "the judge made no container")[0]
        _wait_for(lambda: _worker_runs(container), 60, "no worker ever ran")
    finally:
        run.kill()
        run.wait()
    _wait_for(lambda: not _containers_of_pid(client, run.pid), 5, "the container outlived its judge by 5 s")


@needs_docker
def test_the_next_box_sweeps_what_a_dead_judge_left(open_box, solution_file: Path):
    # The backstop: a fork of the judge inherited the keeper's lifeline and outlives it, so the
    # container stays up after the judge died; its pipe directory stays too.
    crash = textwrap.dedent(f"""
        import os, time
        from pathlib import Path
        from judge.limits import Limits
        from judge.sandbox.base import Job
        from judge.sandbox.docker import DockerBackend
        box = DockerBackend().open(Job(Path({str(solution_file)!r}), Limits()))
        child = os.fork()
        if child == 0:
            os.closerange(0, 3)
            time.sleep(120)
            os._exit(0)
        print(box.run_id, child, flush=True)
        os._exit(1)  # no close(), no finally: as if the judge were SIGKILLed
    """)
    run = subprocess.Popen([sys.executable, "-c", crash], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=REPO)
    out, err = run.communicate(timeout=60)
    run_id, child = out.split() if out.strip() else ("", "0")
    try:
        assert run.returncode == 1 and run_id, err
        left_dirs = list(Path(tempfile.gettempdir()).glob(f"judge-docker-{run.pid}-*"))
        assert left_dirs
        live = open_box()
        orphans = live.client.containers.list(all=True, filters={"label": f"judge.run={run_id}"}, sparse=True)
        assert orphans == []
        assert not any(path.exists() for path in left_dirs)
        survivor = open_box()  # a box of a judge that is alive is left alone
        assert len(containers_of(live)) == 1 and len(containers_of(survivor)) == 1
    finally:
        if int(child):
            os.kill(int(child), signal.SIGKILL)


@needs_docker
def test_a_sweep_from_another_pid_namespace_leaves_a_live_judges_container(open_box):
    """Our pid means nothing in another PID namespace: the sweep asks the keeper's lock."""
    live = open_box()
    sweep = "from judge.sandbox.docker.engine import connect; from judge.sandbox.docker.stale import sweep_stale; sweep_stale(connect())"
    subprocess.run(["unshare", "--pid", "--fork", "--mount-proc", sys.executable, "-c", sweep], check=True, cwd=REPO)
    assert len(containers_of(live)) == 1
    assert live.host_dir.is_dir()


MEMORY_CREEP = """
def is_subsequence(s, t):
    blocks = []
    while True:
        blocks.append(bytearray(8 << 20))
"""


def _is_subsequence_with_small_limits(root: Path) -> Path:
    """A copy of the problem with the hostile suite's small limits: a limit costs a case about a second."""
    target = root / "problems" / "is_subsequence"
    shutil.copytree(PROBLEMS_ROOT / "is_subsequence", target, ignore=shutil.ignore_patterns("__pycache__", "corpus"))
    toml = target / "problem.toml"
    text = toml.read_text()
    for key, value in {"time_per_call_s": 0.5, "memory_mb": 128, "output_kb": 16, "max_examples": 5}.items():
        text, count = re.subn(rf"(?m)^{key}\s*=.*$", f"{key} = {value}", text)
        assert count == 1, f"{toml} has no single {key}"
    toml.write_text(text)
    return target


API_RUNS = {
    "reference": (None, Verdict.ACCEPTED),
    "loops_forever": (LOOPS_FOREVER, Verdict.TIME_LIMIT_EXCEEDED),
    "memory_creep": (MEMORY_CREEP, Verdict.MEMORY_LIMIT_EXCEEDED),
}


@needs_docker
@pytest.mark.parametrize("name", API_RUNS)
def test_a_whole_run_on_the_stats_api_gets_its_verdict_in_bounded_time(name: str, tmp_path: Path):
    source, verdict = API_RUNS[name]
    solution = PROBLEMS_ROOT / "is_subsequence" / "reference.py"
    if source is not None:
        solution = tmp_path / f"{name}.py"
        solution.write_text(source)
    problem = load_problem(_is_subsequence_with_small_limits(tmp_path))
    started = time.monotonic()
    result = judge_solution(problem, solution, DockerBackend(accounting="api"), measure_complexity=False)
    elapsed = time.monotonic() - started
    assert result.verdict is verdict, result.message
    assert STREAM_NOTE in result.sandbox["notes"]
    ceiling = problem.limits.run_wall_s + JUDGE_OWN_WORK_S  # the hostile suite's ceiling (docs/limits.md)
    assert elapsed < ceiling, f"{name} took {elapsed:.1f} s, over the run's ceiling of {ceiling:.1f} s"


@needs_docker
def test_stats_api_figures_are_read_without_an_engine_call(open_box):
    box = open_box(accounting="api")
    assert isinstance(box.accounting, ApiAccounting)
    assert box.channel_dir is None  # no host cgroups: taken for a remote engine, so the attached stream
    worker = box.spawn()
    assert worker.cpu_resolution_s == 2.0
    worker.receive(20)
    worker.send(json.dumps({"op": "call", "name": "spin", "args": [], "kwargs": {}}).encode())
    worker.receive(3.5)  # three samples at least: two whole intervals inside the call
    started = time.monotonic()
    figures = [(worker.cpu_seconds(), box.accounting.peak_bytes()) for _ in range(1000)]
    assert time.monotonic() - started < 0.5
    assert figures[-1][0] > 0.5 and figures[-1][1] > 0
    assert worker.terminate().signal == signal.SIGKILL
    box.close()
    assert not box.accounting.thread.is_alive()


@needs_docker
def test_judge_run_on_docker_accepts_the_reference(run_cli):
    reference = PROBLEMS_ROOT / "is_subsequence" / "reference.py"
    result = run_cli(
        "run", "is_subsequence", "--solution", str(reference), "--sandbox", "docker",
        "--no-complexity", "--format", "json",
    )
    report = json.loads(result.stdout)
    assert result.exit_code == 0, result.stderr
    assert report["verdict"] == "accepted"
    assert report["sandbox"]["backend"] == "docker"


@needs_docker
def test_image_status_command(run_cli):
    result = run_cli("image", "status")
    assert result.exit_code == 0
    assert IMAGE in result.stdout


@needs_docker
def test_a_missing_image_says_how_to_build_it():
    engine, image, detail = docker_status("judge-sandbox:no-such-tag")
    assert (engine, image) == (True, False)
    assert "judge image build --offline" in detail
    assert DockerBackend(image="judge-sandbox:no-such-tag").probe().available is False


@needs_docker
def test_a_closed_box_holds_no_connection_to_the_engine(open_box):
    """Something may still refer to a finished run's box (its hidden tests' module does, until the
    next run of that problem): a process judging run after run must not keep its sockets open."""
    open_descriptors = len(os.listdir("/proc/self/fd"))
    boxes = [open_box() for _ in range(3)]
    for box in boxes:
        box.close()
    assert len(os.listdir("/proc/self/fd")) <= open_descriptors


@needs_docker
def test_a_process_agrees_on_the_api_version_once_per_engine(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    """Agreeing costs the engine a GET /version (7 ms: it asks containerd and runc): a run's probe,
    boxes and forked processes make clients one after the other, and only the first one asks."""
    from docker.api.client import APIClient

    from judge.sandbox.docker import engine

    asked = []
    retrieve = APIClient._retrieve_server_version
    monkeypatch.setattr(APIClient, "_retrieve_server_version", lambda self: asked.append(1) or retrieve(self))
    monkeypatch.setattr(engine, "_API_VERSIONS", {})
    first, second = engine.connect(), engine.connect()
    assert len(asked) == 1
    assert second.api.api_version == first.api.api_version
    # Another engine is asked again, and one that does not answer is said to, as ever.
    monkeypatch.setenv("DOCKER_HOST", f"unix://{tmp_path}/no-engine.sock")
    with pytest.raises(SandboxError, match="does not answer"):
        engine.connect()
    assert len(asked) == 2


# ---------------------------------------------------------------- without an engine


def test_no_engine_is_reported_not_raised(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    monkeypatch.setenv("DOCKER_HOST", f"unix://{tmp_path}/no-engine.sock")
    engine, image, detail = docker_status()
    assert (engine, image) == (False, False)
    assert "does not answer" in detail
    assert DockerBackend().probe().available is False


def test_image_commands_fail_cleanly_without_an_engine(run_cli, monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    monkeypatch.setenv("DOCKER_HOST", f"unix://{tmp_path}/no-engine.sock")
    for command in (("image", "build", "--offline"), ("image", "status")):
        result = run_cli(*command)
        assert result.exit_code == 11, command
        assert "does not answer" in result.stdout + result.stderr


def test_judge_and_local_backend_work_without_the_docker_sdk(tmp_path: Path):
    script = textwrap.dedent("""
        import sys
        sys.modules["docker"] = None  # as if the SDK were not installed
        from click.testing import CliRunner
        from judge.cli import cli
        from judge.sandbox import get_backend
        from judge.sandbox.docker import docker_status
        assert CliRunner().invoke(cli, ["--help"]).exit_code == 0
        assert get_backend("local").probe().available
        print(docker_status())
    """)
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60, cwd=REPO, check=False)
    assert run.returncode == 0, run.stderr
    assert "(False, False" in run.stdout and "docker SDK is not installed" in run.stdout


MOUNTINFO_V1 = """\
30 23 0:26 / /sys/fs/cgroup/memory rw,relatime shared:13 - cgroup cgroup rw,memory
31 23 0:27 / /sys/fs/cgroup/cpu,cpuacct rw,relatime shared:14 - cgroup cgroup rw,cpu,cpuacct
32 23 0:28 / /sys/fs/cgroup/pids rw,relatime shared:15 - cgroup cgroup rw,pids
33 23 0:29 / /sys/fs/cgroup/unified rw,relatime shared:16 - cgroup2 cgroup2 rw
"""
CGROUP_V1 = "4:memory:/docker/abc\n3:cpu,cpuacct:/docker/abc\n2:pids:/docker/abc\n0::/docker/abc\n"


def test_cgroup_v1_files_are_found_from_mountinfo():
    found = cgroup_accounting(MOUNTINFO_V1, CGROUP_V1)
    assert found.cpu_file == Path("/sys/fs/cgroup/cpu,cpuacct/docker/abc/cpuacct.usage")
    assert found.oom_file == Path("/sys/fs/cgroup/memory/docker/abc/memory.oom_control")
    assert found.pids_file == Path("/sys/fs/cgroup/pids/docker/abc/pids.current")


def test_cgroup_v2_files_are_found_under_a_namespaced_root():
    mountinfo = "40 23 0:30 /system.slice /sys/fs/cgroup rw - cgroup2 cgroup2 rw\n"
    found = cgroup_accounting(mountinfo, "0::/system.slice/docker-abc.scope\n")
    assert found.cpu_file == Path("/sys/fs/cgroup/docker-abc.scope/cpu.stat")
    assert found.oom_file == Path("/sys/fs/cgroup/docker-abc.scope/memory.events")


def test_cgroup_counters_are_read_in_their_units(tmp_path: Path):
    (tmp_path / "cpu.stat").write_text("usage_usec 2500000\nuser_usec 2000000\n")
    (tmp_path / "memory.events").write_text("low 0\nhigh 0\nmax 4\noom 2\noom_kill 1\n")
    (tmp_path / "memory.peak").write_text("1048576\n")
    files = CgroupAccounting(
        tmp_path / "cpu.stat", "usage_usec", 1e-6, tmp_path / "memory.events", tmp_path / "memory.peak"
    )
    assert files.cpu_seconds() == pytest.approx(2.5)
    assert files.oom_kills() == 1
    assert files.peak_bytes() == 1 << 20
    assert files.process_count() is None
    files.start_worker()  # a new worker's figures count from here
    (tmp_path / "cpu.stat").write_text("usage_usec 3000000\n")
    assert files.cpu_seconds() == pytest.approx(0.5)
    assert files.oom_kills() == 0


def _silent_stream_accounting() -> ApiAccounting:
    """ApiAccounting over a container whose stats stream ends at once; tests feed it samples."""
    container = types.SimpleNamespace(id="c0ffee", stats=lambda **_: iter(()))
    return ApiAccounting(None, container)


def _sample(cpu_s: float) -> dict:
    return {"cpu_stats": {"cpu_usage": {"total_usage": int(cpu_s * 1e9)}}, "memory_stats": {"max_usage": 1 << 20}}


def test_stats_api_charges_a_call_only_intervals_that_began_inside_it():
    accounting = _silent_stream_accounting()
    accounting.start_worker()
    for cpu_s in (10.0, 10.5, 11.0):  # the worker starting: 1 s in two intervals
        accounting._take(_sample(cpu_s))
    assert accounting.cpu_seconds() == pytest.approx(1.0)
    accounting.start_call()
    accounting._take(_sample(11.8))  # began before the call: the previous call's tail, not charged
    accounting._take(_sample(12.8))
    assert accounting.cpu_seconds() == pytest.approx(2.0)
    accounting.start_worker()
    assert accounting.cpu_seconds() == 0.0
    assert accounting.process_count() is None  # a second-old count cannot rule out leftovers
    assert accounting.peak_bytes() == 1 << 20
    assert accounting.notes() == (STREAM_NOTE,)


def test_stats_api_without_figures_says_so():
    accounting = _silent_stream_accounting()
    assert accounting.cpu_seconds() is None
    assert accounting.notes() == (NO_FIGURES_NOTE,)
    accounting.stop()
    assert not accounting.thread.is_alive()


def test_demux_reassembles_frames_split_across_reads():
    frames = b"\x01\x00\x00\x00\x00\x00\x00\x06hello\n" + b"\x02\x00\x00\x00\x00\x00\x00\x03err"
    demux = Demux()
    seen = [f for i in range(0, len(frames), 5) for f in demux.feed(frames[i:i + 5])]
    assert seen == [(1, b"hello\n"), (2, b"err")]


def _read_until(channel: FifoChannel, want: bytes, timeout_s: float = 10) -> bytes | None:
    deadline, seen = time.monotonic() + scaled(timeout_s), b""
    while time.monotonic() < deadline and want not in seen:
        data = channel.read() if select.select([channel], [], [], 0.1)[0] else b""
        if data is None:
            return None
        seen += data
    return seen


def test_fifo_channel_carries_lines_then_shows_the_end(tmp_path: Path):
    channel = FifoChannel(tmp_path)
    assert channel.read() == b""  # nobody connected yet: not mistaken for an end
    request, reply = (tmp_path / name for name in channel.names())
    peer = subprocess.Popen(["sh", "-c", f'exec cat <"{request}" >"{reply}"'])
    try:
        channel.write(b"hello\n")
        assert _read_until(channel, b"\n") == b"hello\n"
        assert channel.connected and not request.exists()  # names unlinked once both ends are open
        channel.end_input()
        assert _read_until(channel, b"never") is None  # the peer exited: end of file
    finally:
        peer.wait(10)
    reply_fd = channel.reply
    channel.close()
    channel.close()  # idempotent: closing twice must not close someone else's descriptor
    assert channel.reply == -1
    with pytest.raises(OSError):
        os.fstat(reply_fd)


def test_exit_statuses_over_128_are_signals():
    assert split_shell_status(137) == (None, signal.SIGKILL)
    assert split_shell_status(128 + signal.SIGXFSZ) == (None, signal.SIGXFSZ)
    assert split_shell_status(3) == (3, None)


def test_worker_argv_names_limits_modules_and_ordered_outputs(tmp_path: Path):
    job = Job(tmp_path / "my_solution.py", Limits(output_kb=8), allowed_modules=("numpy",))
    argv = worker_argv(job, 7)
    assert argv[argv.index("--solution") + 1] == "/solution/my_solution.py"
    assert argv[argv.index("--output-limit") + 1] == str(8 * 1024)
    assert argv[argv.index("--allow") + 1] == "numpy"
    assert argv[argv.index("--stdout") + 1].endswith("stdout.0007")


def test_rootfs_script_takes_the_mirror_apt_uses(tmp_path: Path):
    (tmp_path / "sources.list.d").mkdir()
    (tmp_path / "sources.list.d" / "debian.sources").write_text(
        "Types: deb\nURIs: http://security.example/debian-security\nSuites: trixie-security\n\n"
        "Types: deb\nURIs: http://mirror.example/debian/\nSuites: trixie-updates trixie\nComponents: main\n"
    )
    env = {**os.environ, "JUDGE_APT_DIR": str(tmp_path)}
    run = subprocess.run(
        ["bash", str(REPO / "sandbox_image" / "build-rootfs.sh"), "--print-mirror"],
        capture_output=True, text=True, env=env, timeout=30, check=True,
    )
    assert run.stdout.split() == ["http://mirror.example/debian", "trixie"]
