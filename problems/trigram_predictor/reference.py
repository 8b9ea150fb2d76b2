"""Reference TrigramModel: count once in fit, decide every answer in fit too.

`fit` builds the three count tables and then keeps, for each context, only
its winner (highest count, ties to the smallest token).  `predict_next` is
then two dictionary look-ups, so the judge can ask it thousands of times.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable


def _check_sentences(sentences: object) -> None:
    """Raise TypeError / ValueError for input that breaks the contract."""
    if not isinstance(sentences, list):
        raise TypeError(f"sentences must be a list, not {type(sentences).__name__}")
    for sentence in sentences:
        if not isinstance(sentence, list):
            raise TypeError(f"each sentence must be a list, not {type(sentence).__name__}")
        for token in sentence:
            if not isinstance(token, str):
                raise TypeError(f"each token must be a str, not {type(token).__name__}")
            if not token:
                raise ValueError("tokens must be non-empty strings")


def _winner(counts: Counter[str]) -> str:
    """The most frequent token; the smallest one (plain str order) among equals."""
    return min(counts.items(), key=lambda item: (-item[1], item[0]))[0]


def _winners(tables: dict[Hashable, Counter[str]]) -> dict[Hashable, str]:
    return {context: _winner(counts) for context, counts in tables.items()}


def _count(sentences: Iterable[list[str]]) -> tuple[dict, dict, Counter[str]]:
    """Trigram, bigram and unigram counts, each n-gram inside one sentence."""
    after_pair: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    after_word: dict[str, Counter[str]] = defaultdict(Counter)
    unigrams: Counter[str] = Counter()
    for sentence in sentences:
        unigrams.update(sentence)
        for first, second in zip(sentence, sentence[1:]):
            after_word[first][second] += 1
        for first, second, third in zip(sentence, sentence[1:], sentence[2:]):
            after_pair[first, second][third] += 1
    return after_pair, after_word, unigrams


class TrigramModel:
    """Predicts the next token from the two before it, backing off to shorter contexts."""

    def __init__(self) -> None:
        self._after_pair: dict = {}
        self._after_word: dict = {}
        self._most_common: str | None = None

    def fit(self, sentences: list[list[str]]) -> TrigramModel:
        """Learn from `sentences`, forgetting any earlier fit; returns self."""
        _check_sentences(sentences)
        after_pair, after_word, unigrams = _count(sentences)
        self._after_pair = _winners(after_pair)
        self._after_word = _winners(after_word)
        self._most_common = _winner(unigrams) if unigrams else None
        return self

    def predict_next(self, w1: str, w2: str) -> str | None:
        """Trigram winner for (w1, w2), else bigram winner for w2, else the top token."""
        if (w1, w2) in self._after_pair:
            return self._after_pair[w1, w2]
        if w2 in self._after_word:
            return self._after_word[w2]
        return self._most_common
