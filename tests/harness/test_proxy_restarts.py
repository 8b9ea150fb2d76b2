"""Instances survive a worker restart: after a call that ends its worker, at any point of a call
sequence, the next case's instances map to their handles (a `fit` that returns self returns the
same model), whichever call the fresh worker starts in."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from judge.harness.proxy import InstanceProxy, SolutionProxy
from judge.limits import Limits
from judge.sandbox.base import Job
from judge.sandbox.client import Breach, SolutionFailed, WorkerClient
from judge.sandbox.local import LocalBackend
from tests.conftest import PROBLEMS_ROOT

SOLUTION = '''
class Model:
    def __init__(self, spin_in=None):
        self.spin_in = spin_in
        self._spin("init")

    def _spin(self, where):
        while self.spin_in == where:
            pass

    def fit(self, x):
        self._spin("fit")
        self.x = x
        return self

    def predict(self):
        self._spin("predict")
        return self.x
'''
POINTS = ["init", "fit", "predict"]


@pytest.fixture
def proxy(tmp_path: Path) -> Iterator[SolutionProxy]:
    solution = tmp_path / "model.py"
    solution.write_text(SOLUTION)
    limits = Limits(time_per_call_s=0.2)
    with LocalBackend().open(Job(solution, limits, (), (PROBLEMS_ROOT,))) as box:
        client = WorkerClient(box, limits)
        client.start()
        yield SolutionProxy(client, "class")
        client.close()


def _sequence(proxy: SolutionProxy, spin_in: str | None = None) -> None:
    model = proxy.Model(spin_in)
    fitted = model.fit(3)
    assert isinstance(fitted, InstanceProxy) and fitted is model, "fit's self is not the model"
    assert model.predict() == 3


@pytest.mark.parametrize("point", POINTS)
def test_the_case_after_a_restart_maps_its_instances(proxy: SolutionProxy, point: str) -> None:
    for _ in range(2):  # the worker ends at `point`, then a clean case starts in a fresh worker
        proxy.new_case()
        with pytest.raises(SolutionFailed) as failed:
            _sequence(proxy, spin_in=point)
        assert failed.value.breach is Breach.TIME
        calls = proxy.counterexample("time limit exceeded").splitlines()
        assert calls[-1].endswith("# <- time limit exceeded here") == (len(calls) > 1)  # which call, among several
        proxy.new_case()
        _sequence(proxy)
        _sequence(proxy)  # and again, within the fresh worker


def test_attributes_and_a_methods_arguments_are_read_back(proxy: SolutionProxy):
    """judge.testing's attribute() and method_and_arguments(), as class problems' hidden tests use them."""
    from judge.testing import attribute, method_and_arguments

    proxy.new_case()
    model = proxy.Model()
    after = method_and_arguments(model, "fit", [3, 1, 2])
    assert after.value is model and after.args == [[3, 1, 2]]
    assert attribute(model, "x") == [3, 1, 2]
    assert proxy.counterexample().splitlines()[-1] == "model.x"
