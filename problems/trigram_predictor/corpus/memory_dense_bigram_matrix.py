# expect: memory_limit_exceeded
# why: stores bigram counts in a dense vocabulary-by-vocabulary matrix, which a corpus of ~9k distinct words cannot afford
from collections import Counter, defaultdict


class TrigramModel:
    def __init__(self):
        self.vocab, self.index = [], {}
        self.tri, self.bigram, self.unigram = {}, [], []

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
        # Sorted ids: the first maximum of a row is the smallest token.
        self.vocab = sorted({t for s in sentences for t in s})
        self.index = {w: i for i, w in enumerate(self.vocab)}
        size = len(self.vocab)
        self.unigram = [0] * size
        self.bigram = [[0] * size for _ in range(size)]
        self.tri = defaultdict(Counter)
        for s in sentences:
            ids = [self.index[t] for t in s]
            for i in ids:
                self.unigram[i] += 1
            for a, b in zip(ids, ids[1:]):
                self.bigram[a][b] += 1
            for a, b, c in zip(ids, ids[1:], ids[2:]):
                self.tri[a, b][c] += 1
        return self

    def _argmax(self, row):
        best = max(row)
        return self.vocab[row.index(best)] if best > 0 else None

    def predict_next(self, w1, w2):
        i, j = self.index.get(w1), self.index.get(w2)
        if (i, j) in self.tri:
            counts = self.tri[i, j]
            return self.vocab[min(counts, key=lambda c: (-counts[c], c))]
        if j is not None:
            answer = self._argmax(self.bigram[j])
            if answer is not None:
                return answer
        return self._argmax(self.unigram) if self.vocab else None
