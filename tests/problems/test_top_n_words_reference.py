"""top_n_words's reference cuts words with a regular expression: it must mean str.isalnum() exactly."""

from __future__ import annotations

import importlib.util
import sys
from collections import Counter
from itertools import groupby

import pytest

from tests.conftest import PROBLEMS_ROOT


def _reference():
    spec = importlib.util.spec_from_file_location("top_n_words_reference", PROBLEMS_ROOT / "top_n_words" / "reference.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_a_word_character_is_exactly_an_alphanumeric_one():
    word = _reference().WORD
    differing = [hex(code) for code in range(sys.maxunicode + 1)
                 if bool(word.fullmatch(chr(code))) != chr(code).isalnum()]
    assert differing == []


def _by_the_contract(text: str, n: int) -> list[tuple[str, int]]:
    """The contract read literally: runs of isalnum() characters, each lowercased on its own,
    by count descending then word ascending."""
    counts = Counter("".join(run).lower() for alnum, run in groupby(text, key=str.isalnum) if alnum)
    return sorted(counts.items(), key=lambda pair: (-pair[1], pair[0]))[:n]


@pytest.mark.parametrize("text", [
    "b a B_A c b-a A",  # ties in str order, "_" and "-" separate
    "İstanbul İSTANBUL istanbul",  # 'İ'.lower() adds a combining mark: cut first, then lowercase
    "ΣΑΣ σας Σας ΟΔΟΣ οδος",  # a final sigma is decided per word
    "Straße STRASSE strasse ǅungla ǆungla",  # titlecase and sharp s as str.lower() has them
    "x² x2 ٣٤ 三四 a\u0301 e\u0301",  # digits of every kind, a combining mark (not alphanumeric)
    "",
])
def test_the_reference_keeps_the_contract(text):
    reference = _reference()
    for n in (0, 1, 3, 100):
        assert reference.top_n_words(text, n) == _by_the_contract(text, n)
