"""logistic_regression's hidden tests accept what float64 cannot decide, and nothing more.

Found on Docker with --seed 4: w1 = -w2 exactly, so z = w.x + b on the row
[0, 1e100, 1e100] is b in exact arithmetic, 0 + b where products are rounded
first (NumPy 1.24 in the image), and about 1e84 where multiply and add fuse
(NumPy 2 on the host): the reference failed against itself.
"""

from __future__ import annotations

import importlib.util
import math

import pytest

from judge.testing import WrongAnswer
from tests.conftest import PROBLEMS_ROOT

PROBLEM = PROBLEMS_ROOT / "logistic_regression"
X = [[0, 0, 0]] * 6 + [[0, 0, -2], [0, 1, 1]]
Y = [0] * 8


def _module(name: str, path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def hidden():
    return _module("logistic_hidden_tests_under_test", PROBLEM / "hidden_tests.py")


@pytest.fixture(scope="module")
def fitted():
    reference = _module("logistic_reference_under_test", PROBLEM / "reference.py")
    return reference.LogisticRegression(learning_rate=0.9561475082302182, n_iter=1).fit(X, Y)


class Answers:
    """A solution's model that answers the given probabilities."""

    def __init__(self, probabilities: list[float]) -> None:
        self.probabilities = probabilities

    def predict_proba(self, rows):
        return list(self.probabilities)


def _accepts(hidden, fitted, rows: list, probabilities: list[float]) -> bool:
    try:
        hidden._expect_probabilities(Answers(probabilities), fitted, rows, "under test")
    except WrongAnswer:
        return False
    return True


def test_a_cancelling_row_accepts_both_roundings(hidden, fitted):
    assert fitted.weights[1] == -fitted.weights[2]
    b_alone = 1.0 / (1.0 + math.exp(-fitted.intercept))
    for p in (1.0, b_alone, 0.0):
        assert _accepts(hidden, fitted, [[0.0, 1e100, 1e100]], [p]), p


def test_a_plain_row_is_still_checked_to_one_millionth(hidden, fitted):
    row = [[1.0, 2.0, 3.0]]
    p = fitted.predict_proba(row)[0]
    assert _accepts(hidden, fitted, row, [p + 5e-7])
    assert not _accepts(hidden, fitted, row, [p + 5e-6])


def test_a_huge_row_that_does_not_cancel_must_saturate(hidden, fitted):
    row = [[0.0, 0.0, -2e100]]
    p = fitted.predict_proba(row)[0]
    assert p in (0.0, 1.0)
    assert _accepts(hidden, fitted, row, [p])
    assert not _accepts(hidden, fitted, row, [0.5])
    assert not _accepts(hidden, fitted, row, [1.0 - p])
