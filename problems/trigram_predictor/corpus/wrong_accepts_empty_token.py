# expect: wrong_answer
# why: checks every type but lets the empty string through as an ordinary token
from collections import Counter, defaultdict


def _top(counts):
    return min(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0]


class TrigramModel:
    def __init__(self):
        self.tri, self.bi, self.uni = {}, {}, Counter()

    def fit(self, sentences):
        if not isinstance(sentences, list):
            raise TypeError("sentences must be a list")
        tri, bi, uni = defaultdict(Counter), defaultdict(Counter), Counter()
        for s in sentences:
            if not isinstance(s, list) or not all(isinstance(t, str) for t in s):
                raise TypeError("each sentence must be a list of str")
            uni.update(s)
            for a, b in zip(s, s[1:]):
                bi[a][b] += 1
            for a, b, c in zip(s, s[1:], s[2:]):
                tri[a, b][c] += 1
        self.tri, self.bi, self.uni = tri, bi, uni
        return self

    def predict_next(self, w1, w2):
        if (w1, w2) in self.tri:
            return _top(self.tri[w1, w2])
        if w2 in self.bi:
            return _top(self.bi[w2])
        return _top(self.uni) if self.uni else None
