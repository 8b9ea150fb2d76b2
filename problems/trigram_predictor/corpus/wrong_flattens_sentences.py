# expect: wrong_answer
# why: joins all sentences into one token stream, so n-grams span sentence boundaries
from collections import Counter, defaultdict


def _validate(sentences):
    if not isinstance(sentences, list):
        raise TypeError("sentences must be a list")
    for s in sentences:
        if not isinstance(s, list):
            raise TypeError("sentence must be a list")
        for t in s:
            if not isinstance(t, str):
                raise TypeError("token must be a str")
            if t == "":
                raise ValueError("empty token")


def _top(counter):
    return min(counter.items(), key=lambda kv: (-kv[1], kv[0]))[0]


class TrigramModel:
    def __init__(self):
        self.tri, self.bi, self.uni = {}, {}, Counter()

    def fit(self, sentences):
        _validate(sentences)
        words = [t for s in sentences for t in s]
        tri, bi = defaultdict(Counter), defaultdict(Counter)
        for a, b in zip(words, words[1:]):
            bi[a][b] += 1
        for a, b, c in zip(words, words[1:], words[2:]):
            tri[a, b][c] += 1
        self.tri, self.bi, self.uni = tri, bi, Counter(words)
        return self

    def predict_next(self, w1, w2):
        if (w1, w2) in self.tri:
            return _top(self.tri[w1, w2])
        if w2 in self.bi:
            return _top(self.bi[w2])
        return _top(self.uni) if self.uni else None
