"""A candidate's claim held against the measurement, with the fit's own "consistent with" groups."""

import pytest

from judge.complexity.claim import check_claim, read_claims
from judge.complexity.classes import Complexity as C
from judge.complexity.fit import Point, classify

SIZES = [2**k for k in range(8, 17)]


def _fit(growth, expected=C.LINEAR):
    return classify([Point(n, 1e-8 * growth(n)) for n in SIZES], expected)


def _held(written: str, fit) -> str:
    return check_claim(read_claims(f"# time: {written}\n")["time"], fit).verdict


@pytest.mark.parametrize(("written", "verdict"), [
    ("O(n)", "agrees"),
    ("O(n log n)", "agrees"),  # inside the measured group: timing cannot tell them apart
    ("O(1)", "optimistic"),
    ("O(log n)", "optimistic"),
    ("O(n^2)", "pessimistic"),
])
def test_a_claim_against_linear_growth(written, verdict):
    assert _held(written, _fit(float)) == verdict


def test_the_verdict_does_not_depend_on_what_the_problem_expects():
    quadratic = lambda n: float(n) ** 2  # noqa: E731
    assert _held("O(n^2)", _fit(quadratic, expected=C.LINEAR)) == "agrees"
    assert _held("O(n)", _fit(quadratic, expected=C.QUADRATIC)) == "optimistic"


def test_an_inconclusive_measurement_checks_nothing():
    inconclusive = classify([Point(256, 1e-6), Point(512, 2e-6)], C.LINEAR)
    assert _held("O(n)", inconclusive) == "unchecked"


def test_an_unreadable_claim_keeps_its_reason():
    check = check_claim(read_claims("# time: O(fast)\n")["time"], _fit(float))
    assert check.verdict == "unreadable"
    assert check.to_dict() == {"text": "O(fast)", "line": 1, "class": None,
                               "problem": check.claim.problem, "verdict": "unreadable"}
    assert "unknown complexity class" in check.claim.problem


def _report(claims_source: str) -> str:
    import dataclasses
    import io

    from rich.console import Console

    from judge.complexity import render
    from judge.complexity.result import AxisResult, ComplexityResult

    times = tuple(Point(n, 1e-8 * n) for n in SIZES)
    measured = ComplexityResult("len(t)", AxisResult("time", "s", times, classify(times, C.LINEAR)), None)
    out = io.StringIO()
    Console(file=out, width=120, color_system=None).print(render(dataclasses.replace(measured,
                                                                                     claims=read_claims(claims_source))))
    return out.getvalue()


def test_the_report_says_how_each_claim_held():
    text = _report("# time: O(1)\n# memory: O(1)\n")
    assert "time: you said O(1), OPTIMISTIC: the measurement is worse" in text
    assert "memory: you said O(1), not checked: this problem does not measure it" in text
    assert "name your complexity" not in text


def test_no_claim_is_one_line_nudge():
    text = _report("def f(): pass\n")
    assert sum("name your complexity" in line for line in text.splitlines()) == 1
    assert "you said" not in text
