# expect: time_limit_exceeded
# why: counts each token with list.count over all tokens, so fit is quadratic and a 120k-token corpus blows the per-call limit
from collections import Counter, defaultdict


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
            if not isinstance(s, list):
                raise TypeError("sentence must be a list")
            for t in s:
                if not isinstance(t, str):
                    raise TypeError("token must be a str")
                if not t:
                    raise ValueError("empty token")
            for a, b in zip(s, s[1:]):
                bi[a][b] += 1
            for a, b, c in zip(s, s[1:], s[2:]):
                tri[a, b][c] += 1
        words = [t for s in sentences for t in s]
        self.uni = {w: words.count(w) for w in words}
        self.tri, self.bi = tri, bi
        return self

    def predict_next(self, w1, w2):
        if (w1, w2) in self.tri:
            return _top(self.tri[w1, w2])
        if w2 in self.bi:
            return _top(self.bi[w2])
        return _top(self.uni) if self.uni else None
