"""The `# time:` / `# memory:` syntax that candidates and corpus files use to state a complexity."""

import pytest

from judge.complexity.claim import read_claims
from judge.complexity.classes import Complexity


@pytest.mark.parametrize(("written", "expected"), [
    ("O(n log n)", Complexity.LINEARITHMIC),
    ("O(L log L)", Complexity.LINEARITHMIC),  # the problem's own letter
    ("O(k)", Complexity.LINEAR),
    ("O(N)", Complexity.LINEAR),
    ("linear", Complexity.LINEAR),
    ("O(1)", Complexity.CONSTANT),
    ("O(log n)", Complexity.LOG),
    ("O(n^2)  # worst case", Complexity.QUADRATIC),  # a trailing remark is not part of the class
    ("O(2^n)", Complexity.EXPONENTIAL),
])
def test_a_written_class_is_read(written, expected):
    claims = read_claims(f'"""doc"""\n\n# time: {written}\ndef f(): pass\n')
    assert claims["time"].complexity is expected
    assert claims["time"].line == 3


def test_both_axes_any_case_first_wins():
    claims = read_claims("# Time:O(n)\n#MEMORY: O(1)\n# time: O(n^2)\n")
    assert claims["time"].complexity is Complexity.LINEAR
    assert claims["memory"].complexity is Complexity.CONSTANT


@pytest.mark.parametrize("placeholder", ["O(?)", "?", ""])
def test_the_starters_placeholder_is_no_claim(placeholder):
    assert read_claims(f"# time: {placeholder}\n# memory: {placeholder}\n") == {}


def test_an_indented_comment_is_not_a_claim():
    assert read_claims("def f():\n    # time: O(n)\n    pass\n") == {}


@pytest.mark.parametrize(("written", "reason"), [
    ("fast", "unknown complexity class"),
    ("O(n*k)", "more than one variable"),
])
def test_an_unreadable_claim_is_kept_with_its_reason(written, reason):
    claim = read_claims(f"# time: {written}\n")["time"]
    assert claim.complexity is None
    assert reason in claim.problem
    assert claim.to_dict()["text"] == written


def test_a_parameter_the_problem_holds_fixed_reads_as_constant():
    """Reservoir sampling's k is fixed while the stream grows: O(k) memory is O(1) in n, said so."""
    from judge.testing import Call, Case, Declaration

    declaration = Declaration(size="stream length (k = 16 fixed)", time="O(n)", memory="O(1)",
                              sizes=(16, 256), build=lambda n, rng: Case(Call("f")))
    assert declaration.fixed_letters == {"k"}
    claims = read_claims("# time: O(n)\n# memory: O(k)\n", declaration.fixed_letters)
    assert claims["memory"].complexity is Complexity.CONSTANT
    assert "k is fixed" in claims["memory"].reading
    assert claims["time"].complexity is Complexity.LINEAR and not claims["time"].reading
    assert read_claims("# memory: O(k)\n")["memory"].complexity is Complexity.LINEAR  # k is n elsewhere
