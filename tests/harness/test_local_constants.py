"""During a run Hypothesis mixes in the hidden tests' constants, and never those of other local modules
(the judge's own, in an editable install; a batch's earlier problems): one seed, one run, everywhere."""

from __future__ import annotations

import contextlib
import importlib
import json
import os
import subprocess
import sys

from hypothesis import given, seed, settings, strategies as st

from judge.harness import local_constants
from tests.conftest import PROBLEMS_ROOT

HIDDEN = 987_654_321  # a constant only the "hidden tests" file holds
ELSEWHERE = 987_123_456  # one only another local module holds
# Hypothesis's own constants are small or round: in this range only the two above can be drawn.
RANGE = st.integers(987_000_000, 988_000_000)


def _drawn(tmp_path, monkeypatch, *, fixed: bool) -> set[int]:
    hidden = tmp_path / "hidden_tests.py"
    hidden.write_text(f"BOUNDARY = {HIDDEN}\n")
    (tmp_path / "elsewhere_module.py").write_text(f"LIMIT = {ELSEWHERE}\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    seen: set[int] = set()

    @seed(0)
    @settings(max_examples=300, database=None, deadline=None)
    @given(RANGE)
    def draw(value: int) -> None:
        seen.add(value)

    importlib.import_module("elsewhere_module")  # a local module the process happens to have imported
    try:
        with local_constants.only_from(hidden) if fixed else contextlib.nullcontext():
            draw()
    finally:
        del sys.modules["elsewhere_module"]
    return seen


def test_only_the_hidden_tests_constants_are_drawn(tmp_path, monkeypatch):
    seen = _drawn(tmp_path, monkeypatch, fixed=True)
    assert HIDDEN in seen  # Hypothesis asked our hook: a Hypothesis that stopped would fail here
    assert ELSEWHERE not in seen


def test_left_alone_hypothesis_draws_any_local_module_constant(tmp_path, monkeypatch):
    """Why the hook exists: without it, whatever local module the process imported joins the inputs."""
    assert ELSEWHERE in _drawn(tmp_path, monkeypatch, fixed=False)


def test_the_hook_is_restored_after_the_block(tmp_path):
    providers = importlib.import_module("hypothesis.internal.conjecture.providers")
    before = providers._get_local_constants
    (tmp_path / "hidden_tests.py").write_text("X = 1\n")
    with local_constants.only_from(tmp_path / "hidden_tests.py"):
        assert providers._get_local_constants is not before
    assert providers._get_local_constants is before


CONSTANTS_IN_ORDER = """
import importlib, sys
from pathlib import Path
from judge.harness import local_constants
providers = importlib.import_module("hypothesis.internal.conjecture.providers")
with local_constants.only_from(Path(sys.argv[1])):
    found = providers._get_local_constants()
    print([list(found.strings), list(found.bytes), list(found.floats), list(found.integers)])
"""


def test_the_constants_come_in_one_order_in_every_process(tmp_path):
    """A draw picks a constant by its position: the order must not follow the strings' hashes,
    which change from process to process."""
    hidden = tmp_path / "hidden_tests.py"
    words = ", ".join(repr(f"word{i}") for i in range(40))
    hidden.write_text(f"WORDS = [{words}]\nRAW = [b'alpha', b'beta', b'gamma']\nLIMITS = [2.5, -0.75, 1e9]\n")
    orders = {subprocess.run([sys.executable, "-c", CONSTANTS_IN_ORDER, str(hidden)], capture_output=True,
                             text=True, check=True, env={**os.environ, "PYTHONHASHSEED": str(hash_seed)}).stdout
              for hash_seed in range(4)}
    assert len(orders) == 1, orders
    assert "word39" in orders.pop()


def test_one_seed_gives_one_run_whatever_the_hash_seed(tmp_path):
    """Found by a flaky CI run: with the constants in hash order, this wrong solution passed the
    case-sensitivity property under some PYTHONHASHSEEDs (7 and 8) and failed it under others."""
    solution = PROBLEMS_ROOT / "is_subsequence" / "corpus" / "ignores_order.py"
    reports = []
    for hash_seed in (0, 7):
        done = subprocess.run([sys.executable, "-m", "judge", "run", "is_subsequence", "--solution", str(solution),
                               "--sandbox", "local", "--no-complexity", "--sequential", "--format", "json"],
                              capture_output=True, text=True, env={**os.environ, "PYTHONHASHSEED": str(hash_seed),
                                                                   "JUDGE_PROBLEMS": str(PROBLEMS_ROOT),
                                                                   "JUDGE_HOME": str(tmp_path)})
        cases = json.loads(done.stdout)["cases"]
        reports.append([(case["name"], case["verdict"], case["counterexample"]) for case in cases])
    assert reports[0] == reports[1]
    assert ("test_case_sensitive_code_points", "wrong_answer", "is_subsequence('Aa', 'aA')") in reports[0]
