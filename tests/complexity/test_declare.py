"""Problem declarations: loading, validation, and the shipped ones."""

import random

import pytest

from judge.complexity.declare import Case, load
from judge.complexity.phase import encode_case
from judge.errors import ProblemConfigError
from judge.problems import ProblemSet
from tests.conftest import PROBLEMS_ROOT

DECLARED = sorted(p.parent.name for p in PROBLEMS_ROOT.glob("*/complexity.py"))


def write(tmp_path, body):
    (tmp_path / "complexity.py").write_text(body)
    return tmp_path


HEADER = "from judge.testing import Call, Case, Declaration\n"


def test_no_file_means_nothing_declared(tmp_path):
    assert load(tmp_path) is None


def test_unknown_class_names_the_file_and_the_field(tmp_path):
    write(tmp_path, HEADER + "DECLARATION = Declaration('n', 'O(n^1.5)', None, (8, 1024), lambda n, r: None)\n")
    with pytest.raises(ProblemConfigError, match=r"complexity.py: DECLARATION.time"):
        load(tmp_path)


def test_sizes_must_span_at_least_8x(tmp_path):
    write(tmp_path, HEADER + "DECLARATION = Declaration('n', 'O(n)', 'O(1)', (8, 32), lambda n, r: None)\n")
    with pytest.raises(ProblemConfigError, match="sizes"):
        load(tmp_path)


def test_missing_declaration(tmp_path):
    write(tmp_path, "X = 1\n")
    with pytest.raises(ProblemConfigError, match="DECLARATION"):
        load(tmp_path)


def test_import_error_is_a_config_error(tmp_path):
    write(tmp_path, "raise RuntimeError('boom')\n")
    with pytest.raises(ProblemConfigError, match="boom"):
        load(tmp_path)


def test_every_shipped_problem_declares():
    assert DECLARED == ProblemSet(PROBLEMS_ROOT).slugs()


@pytest.mark.parametrize("slug", DECLARED)
def test_declared_inputs_grow_with_n_and_encode(slug):
    declaration = load(PROBLEMS_ROOT / slug)
    low = declaration.sizes[0]
    small = declaration.build(low, random.Random(0))
    large = declaration.build(low * 8, random.Random(0))
    assert isinstance(small, Case)
    assert len(repr(encode_case(large))) > len(repr(encode_case(small))) or slug == "reservoir_sampling"
    assert declaration.build(low, random.Random(0)) == small  # reproducible for a seed


def test_reservoir_stream_is_described_not_sent():
    case = encode_case(load(PROBLEMS_ROOT / "reservoir_sampling").build(1_000_000, random.Random(0)))
    assert case["timed"]["args"][0] == {"$stream": {"kind": "range", "start": 0, "stop": 1_000_000}}
    assert len(repr(case)) < 1000  # a million items, described in a few hundred bytes
