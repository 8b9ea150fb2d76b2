"""The worker's optional request fields: arguments reported after a call, warnings as errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from judge.limits import Limits
from judge.sandbox import wire
from judge.sandbox.base import Job
from judge.sandbox.client import SolutionRaised, WorkerClient
from judge.sandbox.local import LocalBackend
from tests.conftest import PROBLEMS_ROOT

SOLUTION = '''
import warnings
import numpy as np

def fill_in_place(rows):
    rows[0][0] = 99
    return len(rows)

def scale(array, factor=1.0):
    array *= factor
    return float(array.sum())

def warn():
    warnings.warn("careful", RuntimeWarning)
    return "done"

def overflow():
    return float(1 / (1 + np.exp(np.float64(1000.0))))

class Model:
    def __init__(self):
        warnings.warn("constructed", RuntimeWarning)

    def exp(self, z):
        return float(np.exp(z))
'''


@pytest.fixture
def client(tmp_path: Path):
    solution = tmp_path / "solution.py"
    solution.write_text(SOLUTION)
    limits = Limits(time_per_call_s=30)
    with LocalBackend().open(Job(solution, limits, ("numpy",), (PROBLEMS_ROOT,))) as box:
        worker = WorkerClient(box, limits)
        worker.start()
        yield worker
        worker.close()


def _call(client: WorkerClient, name: str, *args, **fields):
    message = {"op": "call", "name": name, "args": [wire.encode(a) for a in args], "kwargs": {}, **fields}
    return wire.decode(client.call(message).value)


def test_arguments_come_back_as_the_solution_left_them(client: WorkerClient) -> None:
    reply = _call(client, "fill_in_place", [[1, 2], [3, 4]], report_args=True)
    assert reply == {"value": 2, "args": [[[99, 2], [3, 4]]], "kwargs": {}}


def test_a_numpy_argument_modified_in_place_comes_back_as_a_list(client: WorkerClient) -> None:
    reply = _call(client, "scale", wire.NdArray([[1.0, 2.0]]), 3.0, report_args=True)
    assert reply["args"] == [[[3.0, 6.0]], 3.0]


def test_without_the_field_only_the_value_comes_back(client: WorkerClient) -> None:
    assert _call(client, "fill_in_place", [[1, 2]]) == 1


def test_warnings_are_errors_only_when_asked(client: WorkerClient) -> None:
    assert _call(client, "warn") == "done"
    assert _call(client, "overflow") == 0.0
    for name in ("warn", "overflow"):
        with pytest.raises(SolutionRaised) as raised:
            _call(client, name, warnings_as_errors=["RuntimeWarning"])
        assert raised.value.error.is_instance_of(RuntimeWarning)
    assert _call(client, "warn") == "done"  # the filter lasted for that call only


def test_warnings_as_errors_covers_constructors_and_methods(client: WorkerClient) -> None:
    new = {"op": "new", "name": "Model", "args": [], "kwargs": {}}
    with pytest.raises(SolutionRaised):
        client.call({**new, "warnings_as_errors": ["RuntimeWarning"]})
    handle = wire.decode(client.call(new).value)
    method = {"op": "method", "handle": handle.id, "name": "exp", "args": [1000.0], "kwargs": {}}
    assert wire.decode(client.call(method).value) == float("inf")
    with pytest.raises(SolutionRaised):
        client.call({**method, "warnings_as_errors": ["RuntimeWarning"]})


def test_unknown_warning_names_are_ignored(client: WorkerClient) -> None:
    assert _call(client, "warn", warnings_as_errors=["NoSuchWarning", "len"]) == "done"


def test_the_worker_reads_the_command_line_the_backends_write() -> None:
    from judge.sandbox import worker
    from judge.sandbox.launch import worker_command

    job = Job(Path("/x/solution.py"), Limits(output_kb=4), ("numpy", "scipy"), (), nice=5)
    argv = worker_command("python3", "worker.py", job, "/solution/solution.py")[3:] + ["--stdout-fd", "7"]
    options = worker._parse_options(argv)
    assert options["solution"] == "/solution/solution.py"
    assert options["allow"] == ["numpy", "scipy"]
    assert (options["output_limit"], options["nice"], options["stdout_fd"]) == (4096, 5, 7)
    assert options["stderr_fd"] is None
    for bad in (["--solution"], ["--solution", "s.py", "--colour", "red"], ["--nice", "0"]):
        with pytest.raises(SystemExit):
            worker._parse_options(bad)
