# expect: accepted
# why: nested Counters built with itertools, winner picked lazily per query by sorting the followers
from collections import Counter, defaultdict
from itertools import islice


def ngrams(tokens, n):
    return zip(*(islice(tokens, k, None) for k in range(n)))


def best(counter):
    ranked = sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))
    return ranked[0][0]


class TrigramModel:
    def __init__(self):
        self.tri = {}
        self.bi = {}
        self.uni = Counter()

    def fit(self, sentences):
        if not isinstance(sentences, list) or not all(isinstance(s, list) for s in sentences):
            raise TypeError("expected a list of lists of str")
        tokens = [t for s in sentences for t in s]
        if not all(isinstance(t, str) for t in tokens):
            raise TypeError("tokens must be strings")
        if "" in tokens:
            raise ValueError("tokens must be non-empty")
        tri, bi = defaultdict(Counter), defaultdict(Counter)
        for s in sentences:
            for a, b, c in ngrams(s, 3):
                tri[a, b][c] += 1
            for a, b in ngrams(s, 2):
                bi[a][b] += 1
        self.tri, self.bi, self.uni = dict(tri), dict(bi), Counter(tokens)
        return self

    def predict_next(self, w1, w2):
        if (w1, w2) in self.tri:
            return best(self.tri[w1, w2])
        if w2 in self.bi:
            return best(self.bi[w2])
        if self.uni:
            return best(self.uni)
        return None
