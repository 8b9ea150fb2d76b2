"""Time verdicts come from the CPU a call used, never from how busy the machine is.

The worker and five busy loops share one core: the call gets a sixth of it, so its
wall time runs far past the wall limit while its CPU time stays under the CPU limit.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from judge.limits import Limits
from judge.sandbox.base import Job
from judge.sandbox.client import Breach, SolutionFailed, WorkerClient
from judge.sandbox.local import LocalBackend
from tests.conftest import PROBLEMS_ROOT

SOLUTION = '''
import time

def compute(seconds):
    start = time.process_time()
    while time.process_time() - start < seconds:
        pass
    return seconds

def wait(seconds):
    time.sleep(seconds)
    return seconds
'''
NEIGHBOURS = 5
LIMITS = Limits(time_per_call_s=0.5)  # 2 s of wall time: 0.5 s of CPU at 2x, plus 1 s


@pytest.fixture
def one_busy_core() -> Iterator[None]:
    """This process (so its sandbox too) and NEIGHBOURS busy loops, all on one core."""
    core = min(os.sched_getaffinity(0))
    before = os.sched_getaffinity(0)
    loops = [subprocess.Popen([sys.executable, "-c", f"import os; os.sched_setaffinity(0, {{{core}}})\nwhile True: pass"])
             for _ in range(NEIGHBOURS)]
    os.sched_setaffinity(0, {core})
    try:
        yield
    finally:
        os.sched_setaffinity(0, before)
        for loop in loops:
            loop.kill()
            loop.wait()


@pytest.fixture
def client(tmp_path: Path, one_busy_core: None) -> Iterator[WorkerClient]:
    solution = tmp_path / "solution.py"
    solution.write_text(SOLUTION)
    with LocalBackend().open(Job(solution, LIMITS, (), (PROBLEMS_ROOT,))) as box:
        worker = WorkerClient(box, LIMITS)
        worker.start()
        yield worker
        worker.close()


def test_a_call_under_its_cpu_limit_is_not_over_time_on_a_shared_core(client: WorkerClient) -> None:
    cpu_s = 0.4  # a sixth of a core: about 2.4 s of wall time, over the 2 s wall limit
    reply = client.call({"op": "call", "name": "compute", "args": [cpu_s], "kwargs": {}})
    assert reply.value == cpu_s
    assert client.last_call_cpu_s < LIMITS.time_per_call_s


def test_a_call_over_its_cpu_limit_is_over_time_on_a_shared_core(client: WorkerClient) -> None:
    with pytest.raises(SolutionFailed) as failed:
        client.call({"op": "call", "name": "compute", "args": [2.0], "kwargs": {}})
    assert failed.value.breach is Breach.TIME
    assert "0.5 s of CPU" in failed.value.message


def test_a_sleeping_call_is_still_caught_on_a_shared_core(client: WorkerClient) -> None:
    with pytest.raises(SolutionFailed) as failed:
        client.call({"op": "call", "name": "wait", "args": [30], "kwargs": {}})
    assert failed.value.breach is Breach.TIME
