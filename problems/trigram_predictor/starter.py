"""trigram_predictor: predict the next word from the two before it.

Implement `TrigramModel` (run `judge show trigram_predictor` for the full statement):

- `TrigramModel()` takes no arguments.
- `fit(sentences)` counts, inside each sentence only, every trigram (three
  consecutive tokens), every bigram (two) and every token (unigram). No n-gram
  spans two sentences and no padding tokens are added. A new `fit` replaces
  everything learned before. Returns `self`.
- `predict_next(w1, w2)` returns:
    1. the most frequent token that followed the pair (w1, w2) in a trigram, if any;
    2. else the most frequent token that followed w2 in a bigram, if any;
    3. else the most frequent token overall;
    4. None if the model has seen no token (never fitted, or fitted on no tokens).
  Ties at any step go to the smallest token in plain `str` order.
- Tokens are non-empty, case-sensitive strings. `sentences` that is not a list
  of lists of `str` raises TypeError; an empty-string token raises ValueError.
- Expected: fit O(total tokens); predict_next independent of the corpus size
  for a fixed vocabulary.

Standard library only.
"""

from __future__ import annotations


# Your complexity: replace each ? with yours, e.g. O(n log n); the report checks it.
# time: O(?)
# memory: O(?)
class TrigramModel:
    def __init__(self) -> None:
        pass

    def fit(self, sentences: list[list[str]]) -> TrigramModel:
        raise NotImplementedError

    def predict_next(self, w1: str, w2: str) -> str | None:
        raise NotImplementedError
