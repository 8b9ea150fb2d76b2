"""WorkerClient's reading of the kernel's CPU figures, against a scripted worker and clock."""

from __future__ import annotations

import json

import pytest

from judge.limits import Limits
from judge.sandbox import client as client_module
from judge.sandbox.client import CPU_READ_EVERY_S, WorkerClient


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def monotonic(self) -> float:
        return self.now


class ScriptedWorker:
    """Answers every call at once after `call_s` of the clock, using `call_cpu_s` of CPU."""

    cpu_resolution_s = 0.01

    def __init__(self, clock: Clock) -> None:
        self.clock = clock
        self.cpu = 5.0
        self.readings = 0
        self.call_s = 0.0001
        self.call_cpu_s = 0.0001
        self.hello_sent = False

    def send(self, line: bytes) -> None:
        self.clock.now += self.call_s
        self.cpu += self.call_cpu_s

    def receive(self, timeout_s: float) -> bytes:
        if not self.hello_sent:
            self.hello_sent = True
            return b'{"ready": true}'
        return json.dumps({"ok": True, "value": 1, "cpu_s": 0.0, "maxrss_kb": 1}).encode()

    def cpu_seconds(self) -> float:
        self.readings += 1
        return self.cpu

    def wait_seconds(self) -> None:
        return None  # as a backend that cannot tell


class OneWorkerBox:
    def __init__(self, worker: ScriptedWorker) -> None:
        self.worker = worker

    def spawn(self) -> ScriptedWorker:
        return self.worker


@pytest.fixture
def setup(monkeypatch):
    clock = Clock()
    monkeypatch.setattr(client_module, "time", clock)
    worker = ScriptedWorker(clock)
    client = WorkerClient(OneWorkerBox(worker), Limits(time_per_call_s=2.0))
    client.start()
    return clock, worker, client


CALL = {"op": "call", "name": "f", "args": [], "kwargs": {}}


def test_quick_calls_are_read_at_most_once_per_interval_and_every_cpu_second_is_charged(setup):
    clock, worker, client = setup
    readings_after_start = worker.readings
    calls = 200  # 20 ms of calls at 100 µs each: a reading every 5 ms, not two per call
    for _ in range(calls):
        client.call(CALL)
    assert worker.readings - readings_after_start <= calls * worker.call_s / CPU_READ_EVERY_S + 2
    clock.now += 2 * CPU_READ_EVERY_S  # the next call comes late: read before it, charging all unread
    client.call(CALL)
    assert client.allowance.cpu_used == pytest.approx(calls * worker.call_cpu_s)


def test_a_call_longer_than_the_interval_is_read_and_charged_itself(setup):
    clock, worker, client = setup
    worker.call_s, worker.call_cpu_s = 2 * CPU_READ_EVERY_S, 0.008
    client.call(CALL)
    assert client.last_call_cpu_s == pytest.approx(0.008)


def test_exact_mode_reads_before_and_after_every_call(setup):
    clock, worker, client = setup
    client.exact_cpu = True
    for _ in range(10):
        before = worker.readings
        client.call(CALL)
        assert worker.readings - before == 2
        assert client.last_call_cpu_s == pytest.approx(worker.call_cpu_s)
