# expect: time_limit_exceeded
# why: every predict_next materialises the list of all trigrams of the corpus, then filters it.
# time: O(n)
# memory: O(n)
from collections import Counter


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
        self._sentences = []

    def fit(self, sentences):
        _check(sentences)
        self._sentences = [list(sentence) for sentence in sentences]
        return self

    def predict_next(self, w1, w2):
        trigrams = [tuple(s[i:i + 3]) for s in self._sentences for i in range(len(s) - 2)]
        bigrams = [tuple(s[i:i + 2]) for s in self._sentences for i in range(len(s) - 1)]
        after_pair = Counter(c for a, b, c in trigrams if (a, b) == (w1, w2))
        after_word = Counter(b for a, b in bigrams if a == w2)
        words = Counter(token for s in self._sentences for token in s)
        for counter in (after_pair, after_word, words):
            if counter:
                return _best(counter)
        return None
