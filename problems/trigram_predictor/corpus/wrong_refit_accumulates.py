# expect: wrong_answer
# why: creates the count tables once in __init__ and keeps adding to them, so a second fit remembers the first corpus
from collections import Counter, defaultdict


class TrigramModel:
    def __init__(self):
        self.tri, self.bi, self.uni = defaultdict(Counter), defaultdict(Counter), Counter()

    def fit(self, sentences):
        if not isinstance(sentences, list):
            raise TypeError("sentences must be a list")
        for s in sentences:
            if not isinstance(s, list):
                raise TypeError("sentence must be a list")
            for t in s:
                if not isinstance(t, str):
                    raise TypeError("token must be a str")
                if not t:
                    raise ValueError("empty token")
        for s in sentences:
            self.uni.update(s)
            for a, b in zip(s, s[1:]):
                self.bi[a][b] += 1
            for a, b, c in zip(s, s[1:], s[2:]):
                self.tri[a, b][c] += 1
        return self

    @staticmethod
    def _top(counts):
        return min(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0]

    def predict_next(self, w1, w2):
        if (w1, w2) in self.tri:
            return self._top(self.tri[w1, w2])
        if w2 in self.bi:
            return self._top(self.bi[w2])
        return self._top(self.uni) if self.uni else None
