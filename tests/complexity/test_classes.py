"""Complexity classes: spellings people use, order of growth, and the groups timing cannot split."""

import pytest

from judge.complexity.classes import Complexity, log_growth


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("O(1)", Complexity.CONSTANT),
        ("O(log n)", Complexity.LOG),
        ("n", Complexity.LINEAR),
        ("O(N * log N)", Complexity.LINEARITHMIC),
        ("O(n log n)", Complexity.LINEARITHMIC),
        ("n**2", Complexity.QUADRATIC),
        ("O(n²)", Complexity.QUADRATIC),
        ("cubic", Complexity.CUBIC),
        ("O(2^n)", Complexity.EXPONENTIAL),
    ],
)
def test_parse_accepts_common_spellings(text, expected):
    assert Complexity.parse(text) is expected


def test_parse_rejects_unknown_and_names_the_choices():
    with pytest.raises(ValueError, match=r"O\(n log n\)"):
        Complexity.parse("O(n^1.5)")


def test_order_of_growth():
    ordered = sorted(Complexity, key=lambda c: c.rank)
    assert ordered == list(Complexity)
    assert Complexity.LINEAR < Complexity.QUADRATIC
    assert not Complexity.CUBIC <= Complexity.LINEARITHMIC


def test_groups_join_only_what_timing_cannot_separate():
    assert Complexity.CONSTANT.group == Complexity.LOG.group
    assert Complexity.LINEAR.group == Complexity.LINEARITHMIC.group
    assert len({Complexity.LINEAR.group, Complexity.QUADRATIC.group, Complexity.CUBIC.group}) == 3


def test_exponential_growth_is_finite_in_log_space():
    assert log_growth(Complexity.EXPONENTIAL, 10_000) == pytest.approx(10_000 * 0.6931, rel=1e-3)
