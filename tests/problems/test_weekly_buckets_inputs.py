"""weekly_buckets's large inputs are written from tables: they must be exactly what isoformat()
gives for every instant, one by one."""

from __future__ import annotations

import importlib.util
import sys
from datetime import date, datetime, timedelta

import pytest

from tests.conftest import PROBLEMS_ROOT


@pytest.fixture(scope="module")
def hidden():
    spec = importlib.util.spec_from_file_location("weekly_hidden_tests_under_test",
                                                  PROBLEMS_ROOT / "weekly_buckets" / "hidden_tests.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    try:
        spec.loader.exec_module(module)
        yield module
    finally:
        del sys.modules[spec.name]


def test_daily_stamps_are_each_days_isoformat(hidden):
    first = date(1500, 1, 1).toordinal()  # five centuries: leap years, 1500 and 1600 and 1700 among them
    expected = [date.fromordinal(first + i).isoformat() + ("T00:00:00" if i % 2 else "") for i in range(hidden.LARGE)]
    assert hidden._daily_stamps() == expected


@pytest.mark.parametrize(("start", "step"), [
    (datetime(2021, 3, 1, 9, 30), timedelta(seconds=12)),  # the test's own
    (datetime(2020, 2, 28, 23, 59, 59), timedelta(seconds=1)),  # a leap day, starting a second before midnight
    (datetime(1999, 12, 31, 0, 0, 0, 250_000), timedelta(milliseconds=500)),  # microseconds, across a year
])
def test_dense_stamps_are_each_instants_isoformat(hidden, start, step):
    shift = timedelta(hours=5, minutes=30)
    expected = []
    for k in range(hidden.LARGE // 2):
        moment = start + k * step
        expected += [moment.isoformat() + "+00:00", (moment + shift).isoformat() + "+05:30"]
    assert hidden._dense_stamps(start, step, shift) == expected
