"""The measurement phase against a scripted worker: what it asks, when it stops, what it concludes."""

import json
from types import SimpleNamespace

from judge.complexity.phase import NOMINAL_SPEED_S, measure
from judge.complexity.schedule import Budget
from judge.limits import Limits

DECLARATION = """
from judge.testing import Call, Case, Declaration
from judge.testing import Stream

def build(n, rng):
    return Case(timed=Call("f", (Stream.range(n), "x" * 3)))

DECLARATION = Declaration(size="items", time="O(n)", memory="O(1)", sizes=(1024, 1024 * 512), build=build)
"""


class ScriptedWorker:
    """Answers `measure` requests from cost models instead of running anything."""

    def __init__(self, seconds, peak=lambda n: 200, fail_at=None, slowness=1.0):
        self.seconds, self.peak, self.fail_at = seconds, peak, fail_at
        self.slowness = slowness  # this machine against the nominal one: every cost is that much higher
        self.requests = []

    def request(self, message):
        json.dumps(message)  # everything sent must be plain protocol data
        self.requests.append(message)
        action, key = message["action"], message.get("key")
        if key is not None and key == self.fail_at:
            return {"ok": False, "error": {"type": "IndexError", "message": "boom"}, "cpu_s": 0.0}
        if action == "speed":
            value = NOMINAL_SPEED_S * self.slowness
        elif action == "calibrate":
            value = [self.seconds(key) * self.slowness, 1]
        elif action == "time":
            value = [[n, self.seconds(n) * self.slowness] for n, _ in message["order"]]
        elif action == "memory":
            value = self.peak(key)
        else:
            value = 0
        return {"ok": True, "value": value, "cpu_s": self._cpu(action, key)}

    def _cpu(self, action, key):
        """What the worker reports a request cost: a traced call as much as its untraced time."""
        return self.seconds(key) * self.slowness if action == "memory" else 0.001

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
    first = next(m for m in worker.requests if m["action"] == "calibrate")
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


def test_a_slower_machine_measures_the_same_sizes(tmp_path):
    """Budgets are work, not seconds: a machine 2.5x slower reaches the same n, and the classes agree."""
    runs = {}
    for slowness in (1.0, 2.5):
        worker = ScriptedWorker(lambda n: 1e-11 * n * n, peak=lambda n: 8 * n, slowness=slowness)
        result = measure(problem(tmp_path), worker, seed=0)
        runs[slowness] = (worker.sizes("calibrate"), worker.sizes("memory"), result.time.measured, result.memory.measured)
    assert runs[1.0] == runs[2.5]


def test_memory_sizes_are_fixed_not_chosen_by_the_clock(tmp_path):
    """A solution too slow for the time axis's large sizes still has its memory traced at every
    declared memory size, as long as each traced call stays cheap."""
    body = DECLARATION.replace("sizes=(1024, 1024 * 512)", "sizes=(1024, 1024 * 512), memory_sizes=(256, 8192)")
    worker = ScriptedWorker(lambda n: 1e-9 * n * n, peak=lambda n: 16 * n)
    result = measure(problem(tmp_path, body), worker, seed=0)
    assert worker.sizes("memory") == [256, 512, 1024, 2048, 4096, 8192]
    assert result.memory.measured.label == "O(n)"
    sent = [m for m in worker.requests if m["action"] == "memory" and "case" in m]
    assert [m["key"] for m in sent] == [256, 512]  # the sizes the time axis never calibrated come with their input


def test_memory_traced_over_less_than_a_decade_is_inconclusive(tmp_path):
    """When tracing gets too slow before a decade of n, the axis says so instead of naming a class."""
    body = DECLARATION.replace("sizes=(1024, 1024 * 512)", "sizes=(1024, 1024 * 512), memory_sizes=(1024, 65536)")
    worker = ScriptedWorker(lambda n: 1e-7 * n * n, peak=lambda n: 40000 + n)  # an overhead hides growth at small n
    result = measure(problem(tmp_path, body), worker, seed=0)
    assert max(worker.sizes("memory")) < 1024 * 10
    assert result.memory.measured is None and result.memory.fit.relation == "inconclusive"
    assert any("memory traced up to n = 4096 only" in note for note in result.notes)
