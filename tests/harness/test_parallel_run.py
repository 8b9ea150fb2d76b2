"""A run spread over the cores: the hidden tests shared with a partner process (judge/harness/run.py,
sharing.py), complexity measured alongside them in a third (complexity_lane.py)."""

from __future__ import annotations

import json
import os
from pathlib import Path
from types import ModuleType, SimpleNamespace

import pytest

from judge.harness import run as run_module
from judge.harness.complexity_lane import LANE_NICENESS
from judge.harness.plugin import HiddenTestPlugin
from judge.harness.results import CaseResult, HiddenTestResults
from judge.harness.run import judge_solution
from judge.harness.sharing import Share, Sharing
from judge.sandbox.base import Backend, Box, Job
from judge.sandbox.docker import DockerBackend
from judge.sandbox.docker.container import LABEL
from judge.sandbox.docker.engine import connect
from judge.sandbox.local import LocalBackend
from judge.verdicts import Verdict
from tests.conftest import PROBLEMS_ROOT, children_of_this_process
from tests.sandbox.test_docker import docker_ready, needs_docker  # noqa: F401 - docker_ready is a fixture

WRONG = PROBLEMS_ROOT / "is_subsequence" / "corpus" / "reuses_characters.py"
LINEAR_MEMORY = PROBLEMS_ROOT / "is_subsequence" / "corpus" / "worse_list_copy.py"  # O(1) expected


class CountingBackend(Backend):
    """The local backend, writing down each box it opens (from whichever judge process) so a test
    can count them and see each removed."""

    name = "local"

    def __init__(self, record: Path) -> None:
        self.inner = LocalBackend()
        self.record = record

    def probe(self):
        return self.inner.probe()

    def open(self, job: Job) -> Box:
        box = self.inner.open(job)
        with open(self.record, "a") as record:
            record.write(f"{os.getpid()} {box.root}\n")
        return box

    def boxes(self, opened_by: int | None = None) -> list[Path]:
        """Every box opened, or those the process `opened_by` opened."""
        lines = [line.split(" ", 1) for line in self.record.read_text().splitlines()]
        return [Path(root) for pid, root in lines if opened_by in (None, int(pid))]


@pytest.fixture
def backend(tmp_path: Path) -> CountingBackend:
    return CountingBackend(tmp_path / "boxes")


@pytest.fixture
def no_child_left():
    """Every process a run starts has ended when it returns (other tests' servers may be running)."""
    before = children_of_this_process()
    yield
    assert children_of_this_process() <= before


def test_an_accepted_solution_gets_every_case_and_its_class(problems, backend, no_child_left):
    problem = problems.get("is_subsequence")
    sequential = judge_solution(problem, problem.reference_path, LocalBackend(), measure_complexity=False)
    result = judge_solution(problem, problem.reference_path, backend, parallel=True)
    assert result.verdict.value == "accepted"
    assert [case.name for case in result.cases] == [case.name for case in sequential.cases], "all, in file order"
    assert result.complexity is not None and result.complexity.time.fit.relation in ("within", "better")
    assert len(backend.boxes()) == 3, "the tests' box, the partner's and the measurement's"
    assert not any(box.exists() for box in backend.boxes())


def test_both_processes_judge_and_their_output_is_joined(problems, backend):
    problem = problems.get("is_subsequence")
    solution = PROBLEMS_ROOT / "is_subsequence" / "corpus" / "debug_prints.py"
    result = judge_solution(problem, solution, backend, parallel=True, measure_complexity=False)
    assert result.verdict.value == "accepted"
    assert result.output.stdout.startswith("checking ")
    assert len(backend.boxes()) == 2


def test_the_judge_removes_its_box_before_it_waits_for_its_partner(problems, backend, monkeypatch):
    """Nothing else runs in that box once its tests are done (the lane measures in its own): it is
    removed while the partner and the lane finish, not after them."""
    judges_box_there = []
    partner_result = run_module._Partner.result

    def result(partner):
        judges_box_there.extend(box.exists() for box in backend.boxes(opened_by=os.getpid()))
        return partner_result(partner)

    monkeypatch.setattr(run_module._Partner, "result", result)
    problem = problems.get("is_subsequence")
    assert judge_solution(problem, problem.reference_path, backend, parallel=True).verdict.value == "accepted"
    assert judges_box_there == [False]


def test_a_failing_run_lists_the_same_cases_as_a_sequential_one(problems, backend, no_child_left):
    """Each hidden test draws from its own seed, whichever process runs it: the same failures,
    the same smallest inputs, in the same order."""
    problem = problems.get("is_subsequence")
    sequential = judge_solution(problem, WRONG, LocalBackend(), seed=3, measure_complexity=False)
    result = judge_solution(problem, WRONG, backend, seed=3, parallel=True)
    assert result.verdict.value == "wrong_answer"
    assert [(case.name, case.verdict, case.counterexample) for case in result.cases] == \
        [(case.name, case.verdict, case.counterexample) for case in sequential.cases]
    assert result.complexity is None
    assert not any(box.exists() for box in backend.boxes())


def test_a_worse_class_is_still_caught_alongside(problems, backend):
    problem = problems.get("is_subsequence")
    result = judge_solution(problem, LINEAR_MEMORY, backend, parallel=True)
    assert result.verdict.value == "accepted"
    assert result.complexity is not None and result.complexity.memory.fit.relation == "worse", result.complexity


def test_a_solution_that_does_not_import_is_reported_once(problems, backend, no_child_left, tmp_path):
    problem = problems.get("is_subsequence")
    solution = tmp_path / "fails_on_import.py"
    solution.write_text("def is_subsequence(s, t):\n    return True\n\nraise RuntimeError('not today')\n")
    sequential = judge_solution(problem, solution, LocalBackend())
    result = judge_solution(problem, solution, backend, parallel=True)
    assert result.verdict.value == "runtime_error" and "not today" in result.message
    assert (result.verdict, result.message) == (sequential.verdict, sequential.message)
    assert not any(box.exists() for box in backend.boxes())


@pytest.mark.parametrize(("flags", "platform", "spread"), [
    ((), "linux", True),
    (("--sequential",), "linux", False),
    ((), "darwin", False),  # no fork there: a child of a process that used the system's frameworks may abort
])
def test_judge_run_is_spread_on_linux_unless_sequential(run_cli, monkeypatch, flags, platform, spread):
    started = []
    real_start = run_module.ComplexityLane.start

    def counting_start(self):
        started.append(self)
        return real_start(self)

    monkeypatch.setattr(run_module.ComplexityLane, "start", counting_start)
    monkeypatch.setattr("os.cpu_count", lambda: 2)  # parallel only with a core to spare
    monkeypatch.setattr("sys.platform", platform)
    reference = PROBLEMS_ROOT / "is_subsequence" / "reference.py"
    result = run_cli("run", "is_subsequence", "--solution", str(reference), "--sandbox", "local",
                     "--format", "json", *flags)
    assert result.exit_code == 0, result.stdout + result.stderr
    report = json.loads(result.stdout)
    assert report["complexity"]["time"]["relation"] in ("within", "better"), report["complexity"]
    assert len(started) == (1 if spread else 0)


def test_the_lanes_worker_yields_the_cpu_to_the_tests(tmp_path):
    """The measuring worker runs niced (its figures are CPU times, which the order of the scheduler
    does not change); in Docker its container also weighs less."""
    from judge.limits import Limits
    from judge.sandbox.client import WorkerClient
    from judge.sandbox.docker.container import BACKGROUND_CPU_SHARES, container_config

    solution = tmp_path / "niceness.py"
    solution.write_text("import os\n\ndef niceness():\n    return os.nice(0)\n")
    job = Job(solution, Limits(), nice=LANE_NICENESS)
    with LocalBackend().open(job) as box:
        client = WorkerClient(box, Limits())
        client.start()
        try:
            assert client.call({"op": "call", "name": "niceness", "args": []}).value == min(19, os.nice(0) + job.nice)
        finally:
            client.close()
    assert container_config("image", job, "run", tmp_path)["cpu_shares"] == BACKGROUND_CPU_SHARES
    assert "cpu_shares" not in container_config("image", Job(solution, Limits()), "run", tmp_path)


class CountingDockerBackend(DockerBackend):
    """Docker boxes, counted across processes like CountingBackend's."""

    def __init__(self, record: Path) -> None:
        super().__init__()
        self.record = record

    def open(self, job: Job) -> Box:
        box = super().open(job)
        with open(self.record, "a") as record:
            record.write(f"{box.run_id}\n")
        return box


@needs_docker
def test_docker_runs_share_their_tests_and_remove_every_container(problems, no_child_left, tmp_path):
    """The tests' container, the partner's and the measurement's: the same cases as one process
    gives, and all three gone afterwards."""
    problem = problems.get("is_subsequence")
    backend = CountingDockerBackend(tmp_path / "boxes")
    sequential = judge_solution(problem, WRONG, LocalBackend(), seed=3, measure_complexity=False)
    failing = judge_solution(problem, WRONG, backend, seed=3, parallel=True)
    assert [(case.name, case.verdict, case.counterexample) for case in failing.cases] == \
        [(case.name, case.verdict, case.counterexample) for case in sequential.cases]
    opened_while_failing = len((tmp_path / "boxes").read_text().split())  # the lane's, if it opened before it was stopped
    result = judge_solution(problem, problem.reference_path, backend, parallel=True)
    assert result.verdict.value == "accepted" and result.complexity is not None
    run_ids = (tmp_path / "boxes").read_text().split()
    assert len(run_ids) - opened_while_failing == 3
    engine = connect()
    left = [c for run_id in run_ids for c in engine.containers.list(all=True, filters={"label": f"{LABEL}={run_id}"})]
    assert left == []


def test_the_shares_join_in_collection_order_and_keep_why_either_stopped():
    def case(name: str) -> CaseResult:
        return CaseResult(name, "general", Verdict.ACCEPTED)

    order = ["a", "b", "c", "d", "e"]
    mine = HiddenTestResults([case("a"), case("c")], ["e"], order)
    theirs = HiddenTestResults([case("d"), case("b")], [], order, stopped="the run's idle allowance is spent")
    joined = mine.joined(theirs)
    assert [c.name for c in joined.cases] == ["a", "b", "c", "d"] and joined.not_run == ["e"]
    assert joined.stopped == "the run's idle allowance is spent"


class _CollectedTest:
    """What the plugin reads of a collected test: its name, its category, its hook."""

    def __init__(self, name: str, category: str, ran: list[str]) -> None:
        self.name, self.category = name, category
        self.ihook = SimpleNamespace(pytest_runtest_protocol=lambda item, nextitem: ran.append(item.name))

    def get_closest_marker(self, name: str):
        return pytest.mark.judge_category(self.category).mark if name == "judge_category" else None


def test_the_partner_starts_with_the_second_to_last_category():
    """Process 1 starts from the last test; a file of hidden tests ends with its costliest
    categories (two large inputs, say): the partner starts with the other, so neither process
    runs both, one after the other, while the other runs out of work."""
    ran: list[str] = []
    collected = [_CollectedTest(name, name[0], ran) for name in ("a1", "a2", "b1", "c1", "c2", "d1")]
    plugin = HiddenTestPlugin(lambda: None, ModuleType("reference"), share=Share(Sharing(), 1))
    plugin.pytest_collection_modifyitems(collected)
    session = SimpleNamespace(items=collected[::-1])  # as process 1 left them when it forked
    plugin.run_as_partner(session, lambda: None, lambda done: None)
    assert ran == ["c1", "c2", "a1", "a2", "b1", "d1"]
