# expect: forbidden_import
# why: counts tokens with numpy.unique, but this problem allows the standard library only
from collections import Counter, defaultdict

import numpy as np


def _top(counts):
    return min(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0]


class TrigramModel:
    def __init__(self):
        self.tri, self.bi, self.uni = {}, {}, {}

    def fit(self, sentences):
        if not isinstance(sentences, list):
            raise TypeError("sentences must be a list")
        tri, bi = defaultdict(Counter), defaultdict(Counter)
        for s in sentences:
            if not isinstance(s, list) or not all(isinstance(t, str) for t in s):
                raise TypeError("expected a list of lists of str")
            if "" in s:
                raise ValueError("empty token")
            for a, b in zip(s, s[1:]):
                bi[a][b] += 1
            for a, b, c in zip(s, s[1:], s[2:]):
                tri[a, b][c] += 1
        words = [t for s in sentences for t in s]
        values, counts = np.unique(np.array(words, dtype=object), return_counts=True)
        self.tri, self.bi = tri, bi
        self.uni = {str(v): int(c) for v, c in zip(values, counts)}
        return self

    def predict_next(self, w1, w2):
        if (w1, w2) in self.tri:
            return _top(self.tri[w1, w2])
        if w2 in self.bi:
            return _top(self.bi[w2])
        return _top(self.uni) if self.uni else None
