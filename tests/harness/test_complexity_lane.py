"""Complexity measured in a second sandbox while the hidden tests run (judge/harness/complexity_lane.py)."""

from __future__ import annotations

import json
import os
import threading

import pytest

from judge.harness import run as run_module
from judge.harness.complexity_lane import LANE_NICENESS
from judge.harness.run import judge_solution
from judge.sandbox.base import Backend, Box, Job
from judge.sandbox.local import LocalBackend
from tests.conftest import PROBLEMS_ROOT

WRONG = PROBLEMS_ROOT / "is_subsequence" / "corpus" / "reuses_characters.py"
LINEAR_MEMORY = PROBLEMS_ROOT / "is_subsequence" / "corpus" / "worse_list_copy.py"  # O(1) expected


class CountingBackend(Backend):
    """The local backend, keeping every box it opened so a test can see each was closed."""

    name = "local"

    def __init__(self) -> None:
        self.inner = LocalBackend()
        self.boxes: list[Box] = []
        self.lock = threading.Lock()

    def probe(self):
        return self.inner.probe()

    def open(self, job: Job) -> Box:
        box = self.inner.open(job)
        with self.lock:
            self.boxes.append(box)
        return box


def _all_closed(backend: CountingBackend) -> bool:
    """Every box's folder is gone (a local box removes it last when it closes)."""
    return all(not box.root.exists() for box in backend.boxes)


def test_measured_alongside_the_accepted_solution_gets_its_class(problems):
    problem = problems.get("is_subsequence")
    backend = CountingBackend()
    result = judge_solution(problem, problem.reference_path, backend, alongside=True)
    assert result.verdict.value == "accepted"
    assert result.complexity is not None and result.complexity.time.fit.relation in ("within", "better")
    assert len(backend.boxes) == 2, "the measurement has a box of its own"
    assert _all_closed(backend)


def test_a_worse_class_is_still_caught_alongside(problems):
    problem = problems.get("is_subsequence")
    result = judge_solution(problem, LINEAR_MEMORY, CountingBackend(), alongside=True)
    assert result.verdict.value == "accepted"
    assert result.complexity is not None and result.complexity.memory.fit.relation == "worse", result.complexity


def test_a_failed_test_drops_the_measurement_and_its_box(problems):
    problem = problems.get("is_subsequence")
    backend = CountingBackend()
    result = judge_solution(problem, WRONG, backend, seed=3, alongside=True)
    assert result.verdict.value == "wrong_answer"
    assert result.complexity is None
    assert _all_closed(backend)
    assert all(thread.name != "judge-complexity" for thread in threading.enumerate())


@pytest.mark.parametrize(("flags", "lanes"), [((), 1), (("--sequential",), 0)])
def test_judge_run_measures_alongside_unless_sequential(run_cli, monkeypatch, flags, lanes):
    started = []
    real_start = run_module.ComplexityLane.start

    def counting_start(self):
        started.append(self)
        return real_start(self)

    monkeypatch.setattr(run_module.ComplexityLane, "start", counting_start)
    monkeypatch.setattr("os.cpu_count", lambda: 2)  # the lane is for machines with a core to spare
    reference = PROBLEMS_ROOT / "is_subsequence" / "reference.py"
    result = run_cli("run", "is_subsequence", "--solution", str(reference), "--sandbox", "local",
                     "--format", "json", *flags)
    assert result.exit_code == 0, result.stdout + result.stderr
    report = json.loads(result.stdout)
    assert report["complexity"]["time"]["relation"] in ("within", "better"), report["complexity"]
    assert len(started) == lanes


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
