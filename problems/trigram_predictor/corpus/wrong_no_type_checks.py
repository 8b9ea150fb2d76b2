# expect: wrong_answer
# why: rejects empty tokens but never checks types, so a str sentence or an int token is silently counted
from collections import Counter, defaultdict


def _top(counts):
    return min(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0]


class TrigramModel:
    def __init__(self):
        self.tri, self.bi, self.uni = {}, {}, Counter()

    def fit(self, sentences):
        tri, bi, uni = defaultdict(Counter), defaultdict(Counter), Counter()
        for s in sentences:
            for t in s:
                if t == "":
                    raise ValueError("empty token")
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
