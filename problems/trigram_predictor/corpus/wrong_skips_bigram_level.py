# expect: wrong_answer
# why: falls back from an unseen (w1, w2) straight to the most frequent token, skipping the followers of w2
from collections import Counter, defaultdict


class TrigramModel:
    def __init__(self):
        self.tri, self.uni = {}, Counter()

    def fit(self, sentences):
        if not isinstance(sentences, list):
            raise TypeError("sentences must be a list")
        tri, uni = defaultdict(Counter), Counter()
        for s in sentences:
            if not isinstance(s, list):
                raise TypeError("sentence must be a list")
            for t in s:
                if not isinstance(t, str):
                    raise TypeError("token must be a str")
                if not t:
                    raise ValueError("empty token")
            uni.update(s)
            for a, b, c in zip(s, s[1:], s[2:]):
                tri[a, b][c] += 1
        self.tri, self.uni = tri, uni
        return self

    def predict_next(self, w1, w2):
        counts = self.tri.get((w1, w2)) or self.uni
        if not counts:
            return None
        return min(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0]
