# expect: wrong_answer
# why: backs off from trigram to bigram but stops there, returning None instead of the most frequent token
from collections import Counter, defaultdict


class TrigramModel:
    def __init__(self):
        self.tri, self.bi = {}, {}

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
        self.tri, self.bi = tri, bi
        return self

    def predict_next(self, w1, w2):
        counts = self.tri.get((w1, w2)) or self.bi.get(w2)
        if not counts:
            return None
        return min(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0]
