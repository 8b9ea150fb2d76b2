"""The worker's `measure` op for real, in the local sandbox: fresh inputs, untimed setup, peaks."""

from types import SimpleNamespace

import pytest

from judge.complexity.declare import Call, Case
from judge.complexity.phase import encode_case, measure
from judge.limits import Limits
from judge.sandbox.base import Job
from judge.sandbox.client import WorkerClient
from judge.sandbox.local import LocalBackend
from judge.sandbox.wire import Stream
from tests.conftest import PROBLEMS_ROOT

LIMITS = Limits(time_per_call_s=5.0)


@pytest.fixture
def worker(tmp_path):
    """A started worker for a solution written to tmp_path; yields the client."""
    clients = []

    def start(source: str) -> WorkerClient:
        path = tmp_path / f"solution{len(clients)}.py"
        path.write_text(source)
        box = LocalBackend().open(Job(path, LIMITS))
        client = WorkerClient(box, LIMITS)
        client.start()
        clients.append((client, box))
        return client

    yield start
    for client, box in clients:
        client.close()
        box.close()


def ask(client, **body):
    reply = client.request({"op": "measure", **body})
    assert reply["ok"], reply.get("error")
    return reply["value"]


def calibrate(client, case: Case, key=1, min_batch_s=0.002):
    return ask(client, action="calibrate", key=key, case=encode_case(case), min_batch_s=min_batch_s)


def test_every_timed_call_gets_fresh_arguments(worker):
    client = worker(
        "def f(items, stream):\n"
        "    if items[-1] == 'seen' or next(stream, None) is None:\n"
        "        raise RuntimeError('an argument was reused')\n"
        "    items.append('seen')\n"
    )
    _, repeat = calibrate(client, Case(timed=Call("f", (["a"], Stream.range(3)))))
    assert repeat > 1  # a fast call is batched: every call of the batch got its own list and stream
    assert ask(client, action="time", order=[[1, repeat]])[0][0] == 1


def test_construct_and_setup_are_not_timed(worker):
    client = worker(
        "import time\n"
        "class Model:\n"
        "    def fit(self, n):\n"
        "        end = time.process_time() + 0.05\n"
        "        while time.process_time() < end:\n"
        "            pass\n"
        "    def predict(self):\n"
        "        return 1\n"
    )
    case = Case(construct=Call("Model"), setup=(Call("fit", (1,)),), timed=Call("predict"), reuse_instance=True)
    per_call, _ = calibrate(client, case)
    assert per_call < 0.005


def test_memory_is_the_peak_of_the_call(worker):
    client = worker("def f(n):\n    block = bytearray(n)\n    return len(block)\n")
    calibrate(client, Case(timed=Call("f", (1_000_000,))))
    peak = ask(client, action="memory", key=1)
    assert 1_000_000 <= peak < 1_200_000


def test_solution_errors_come_back_as_errors(worker):
    client = worker("def f():\n    raise KeyError('nope')\n")
    reply = client.request({"op": "measure", "action": "calibrate", "key": 1,
                            "case": encode_case(Case(timed=Call("f"))), "min_batch_s": 0.002})
    assert not reply["ok"] and reply["error"]["type"] == "KeyError"


def test_measure_end_to_end_on_the_reference(worker):
    """The is_subsequence reference: linear time, constant memory, never flagged."""
    client = worker((PROBLEMS_ROOT / "is_subsequence" / "reference.py").read_text())
    problem = SimpleNamespace(slug="is_subsequence", directory=PROBLEMS_ROOT / "is_subsequence", limits=LIMITS)
    result = measure(problem, client, seed=0)
    assert not result.worse_than_expected
    assert result.memory.measured.label == "O(1)"
    assert result.time.fit.relation in ("within", "inconclusive")  # inconclusive only on a wildly busy machine


def test_copying_the_input_is_seen_in_memory(worker):
    client = worker(
        "def is_subsequence(s, t):\n"
        "    chars = list(t)\n"
        "    i = 0\n"
        "    for c in chars:\n"
        "        if i < len(s) and s[i] == c:\n"
        "            i += 1\n"
        "    return i == len(s)\n"
    )
    problem = SimpleNamespace(slug="is_subsequence", directory=PROBLEMS_ROOT / "is_subsequence", limits=LIMITS)
    result = measure(problem, client, seed=0)
    assert result.memory.measured.label == "O(n)"
    assert result.memory.fit.relation == "worse"
    assert result.worse_than_expected
