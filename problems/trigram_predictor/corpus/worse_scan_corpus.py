# expect: time_limit_exceeded
# why: fit only keeps the sentences; every predict_next recounts the whole corpus (a per-call corpus scan).
# time: O(n)
# memory: O(1)
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
        after_pair, after_word, words = Counter(), Counter(), Counter()
        for sentence in self._sentences:
            words.update(sentence)
            for i in range(len(sentence) - 1):
                if sentence[i] == w2:
                    after_word[sentence[i + 1]] += 1
                if i + 2 < len(sentence) and sentence[i] == w1 and sentence[i + 1] == w2:
                    after_pair[sentence[i + 2]] += 1
        for counter in (after_pair, after_word, words):
            if counter:
                return _best(counter)
        return None
