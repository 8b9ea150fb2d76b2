# expect: accepted
# why: fit builds count tables; predict_next reads one table, whose size depends on the vocabulary only.
# time: O(1)
# memory: O(1)
from collections import Counter, defaultdict


def _check(sentences):
    if not isinstance(sentences, list):
        raise TypeError("sentences must be a list")
    for sentence in sentences:
        if not isinstance(sentence, list):
            raise TypeError("each sentence must be a list")
        for token in sentence:
            if not isinstance(token, str):
                raise TypeError("tokens must be str")
            if token == "":
                raise ValueError("tokens must not be empty")


def _best(counter):
    return min(counter.items(), key=lambda pair: (-pair[1], pair[0]))[0]


class TrigramModel:
    def __init__(self):
        self._after_pair, self._after_word, self._words = {}, {}, Counter()

    def fit(self, sentences):
        _check(sentences)
        after_pair, after_word, words = defaultdict(Counter), defaultdict(Counter), Counter()
        for sentence in sentences:
            words.update(sentence)
            for first, second in zip(sentence, sentence[1:]):
                after_word[first][second] += 1
            for first, second, third in zip(sentence, sentence[1:], sentence[2:]):
                after_pair[first, second][third] += 1
        self._after_pair, self._after_word, self._words = dict(after_pair), dict(after_word), words
        return self

    def predict_next(self, w1, w2):
        counter = self._after_pair.get((w1, w2)) or self._after_word.get(w2) or self._words
        return _best(counter) if counter else None
