"""The measurement phase against a scripted worker: what it asks, when it stops, what it concludes."""

import json
from types import SimpleNamespace

from judge.complexity.phase import measure
from judge.complexity.schedule import Budget
from judge.limits import Limits

DECLARATION = """
from judge.complexity.declare import Call, Case, Declaration
from judge.sandbox.wire import Stream

def build(n, rng):
    return Case(timed=Call("f", (Stream.range(n), "x" * 3)))

DECLARATION = Declaration(size="items", time="O(n)", memory="O(1)", sizes=(1024, 1024 * 512), build=build)
"""


class ScriptedWorker:
    """Answers `measure` requests from cost models instead of running anything."""

    def __init__(self, seconds, peak=lambda n: 200, fail_at=None):
        self.seconds, self.peak, self.fail_at = seconds, peak, fail_at
        self.requests = []

    def request(self, message):
        json.dumps(message)  # everything sent must be plain protocol data
        self.requests.append(message)
        action, key = message["action"], message.get("key")
        if key is not None and key == self.fail_at:
            return {"ok": False, "error": {"type": "IndexError", "message": "boom"}, "cpu_s": 0.0}
        if action == "calibrate":
            value = [self.seconds(key), 1]
        elif action == "time":
            value = [[n, self.seconds(n)] for n, _ in message["order"]]
        elif action == "memory":
            value = self.peak(key)
        else:
            value = 0
        return {"ok": True, "value": value, "cpu_s": 0.001}

    def sizes(self, action):
        return [m["key"] for m in self.requests if m["action"] == action]


def problem(tmp_path, body=DECLARATION):
    (tmp_path / "complexity.py").write_text(body)
    return SimpleNamespace(slug="demo", directory=tmp_path, limits=Limits())


def test_nothing_declared_nothing_measured(tmp_path):
    worker = ScriptedWorker(lambda n: 1e-6 * n)
    assert measure(SimpleNamespace(directory=tmp_path, limits=Limits()), worker, seed=0) is None
    assert worker.requests == []


def test_linear_costs_are_within_expected(tmp_path):
    worker = ScriptedWorker(lambda n: 5e-8 * n)
    result = measure(problem(tmp_path), worker, seed=0)
    assert result.time.measured.label == "O(n)"
    assert result.time.fit.relation == "within"
    assert result.memory.measured.label == "O(1)"
    assert not result.worse_than_expected
    assert worker.requests[-1]["action"] == "drop"


def test_quadratic_costs_stop_early_and_are_worse(tmp_path):
    worker = ScriptedWorker(lambda n: 1e-11 * n * n)
    result = measure(problem(tmp_path), worker, seed=0)
    assert result.time.measured.label == "O(n^2)"
    assert result.worse_than_expected
    calibrated = worker.sizes("calibrate")
    assert max(calibrated) < 1024 * 512  # it did not run the largest, slow sizes
    assert all(1e-11 * n * n <= 1.5 * Budget().max_call_s for n in calibrated)


def test_streams_are_sent_as_descriptors(tmp_path):
    worker = ScriptedWorker(lambda n: 5e-8 * n)
    measure(problem(tmp_path), worker, seed=0)
    first = worker.requests[0]
    assert first["case"]["timed"]["args"][0] == {"$stream": {"kind": "range", "start": 0, "stop": 1024}}


def test_unclear_growth_measures_larger_sizes(tmp_path):
    # A linear part, and a quadratic one that overtakes it only around 64k: at the
    # normal stop the exponent sits just past the O(n) band (unclear).
    def seconds(n):
        return 3e-8 * n + 5e-13 * n * n

    worker = ScriptedWorker(seconds)
    result = measure(problem(tmp_path), worker, seed=0)
    normal = [n for n in worker.sizes("calibrate") if seconds(n) <= Budget().max_call_s * 1.5]
    assert max(worker.sizes("calibrate")) > max(normal)
    assert any("growth unclear" in note for note in result.notes)
    assert result.time.measured.label == "O(n^2)"


def test_memory_growth_is_reported_separately(tmp_path):
    worker = ScriptedWorker(lambda n: 5e-8 * n, peak=lambda n: 8 * n)
    result = measure(problem(tmp_path), worker, seed=0)
    assert result.time.fit.relation == "within"
    assert result.memory.measured.label == "O(n)"
    assert result.memory.fit.relation == "worse"
    assert result.worse_than_expected


def test_a_failing_solution_stops_the_phase_honestly(tmp_path):
    worker = ScriptedWorker(lambda n: 5e-8 * n, fail_at=4096)
    result = measure(problem(tmp_path), worker, seed=0)
    assert any("IndexError: boom" in note for note in result.notes)
    assert result.time.measured is None
    assert not result.worse_than_expected


def test_same_seed_same_requests(tmp_path):
    first, second = ScriptedWorker(lambda n: 5e-8 * n), ScriptedWorker(lambda n: 5e-8 * n)
    measure(problem(tmp_path), first, seed=3)
    measure(problem(tmp_path), second, seed=3)
    assert first.requests == second.requests


def test_result_json_has_the_report_fields(tmp_path):
    result = measure(problem(tmp_path), ScriptedWorker(lambda n: 5e-8 * n), seed=0)
    data = json.loads(json.dumps(result.to_dict()))
    for axis in ("time", "memory"):
        assert {"expected", "measured", "within_expected", "points", "confidence", "residual"} <= set(data[axis])
        assert data[axis]["points"][0].keys() >= {"n", "value"}
    assert data["worse_than_expected"] is False
