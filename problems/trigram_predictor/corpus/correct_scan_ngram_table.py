# expect: accepted
# why: keeps one flat table of distinct n-grams and scans it per query; allowed, as that cost depends on the vocabulary, not the corpus size
from collections import Counter


class TrigramModel:
    def __init__(self):
        self.table = Counter()  # tuple of 1, 2 or 3 tokens -> count

    def fit(self, sentences):
        if not isinstance(sentences, list):
            raise TypeError("sentences must be a list")
        table = Counter()
        for s in sentences:
            if not isinstance(s, list):
                raise TypeError("each sentence must be a list")
            for t in s:
                if not isinstance(t, str):
                    raise TypeError("tokens must be str")
                if not t:
                    raise ValueError("tokens must be non-empty")
            for n in (1, 2, 3):
                for i in range(len(s) - n + 1):
                    table[tuple(s[i:i + n])] += 1
        self.table = table
        return self

    def predict_next(self, w1, w2):
        for prefix in ((w1, w2), (w2,), ()):
            n = len(prefix) + 1
            options = [(-c, g[-1]) for g, c in self.table.items() if len(g) == n and g[:-1] == prefix]
            if options:
                return min(options)[1]
        return None
