# expect: wrong_answer
# why: picks the winner with max(counts, key=counts.get), so ties go to the token seen first, not the smallest
from collections import Counter, defaultdict


class TrigramModel:
    def __init__(self):
        self.tri, self.bi, self.uni = {}, {}, Counter()

    def fit(self, sentences):
        if not isinstance(sentences, list):
            raise TypeError("sentences must be a list")
        tri, bi, uni = defaultdict(Counter), defaultdict(Counter), Counter()
        for s in sentences:
            if not isinstance(s, list):
                raise TypeError("sentence must be a list")
            for t in s:
                if not isinstance(t, str):
                    raise TypeError("token must be a str")
                if not t:
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
            counts = self.tri[w1, w2]
        elif w2 in self.bi:
            counts = self.bi[w2]
        elif self.uni:
            counts = self.uni
        else:
            return None
        return max(counts, key=counts.get)
