# expect: time_limit_exceeded
# why: keeps the sentences and rescans all of them on every predict_next: prediction cost grows with the corpus


class TrigramModel:
    def __init__(self):
        self.sentences = []

    def fit(self, sentences):
        if not isinstance(sentences, list) or not all(isinstance(s, list) for s in sentences):
            raise TypeError("sentences must be a list of lists of str")
        for sentence in sentences:
            for token in sentence:
                if not isinstance(token, str):
                    raise TypeError("tokens must be str")
                if token == "":
                    raise ValueError("tokens must be non-empty")
        self.sentences = [list(s) for s in sentences]
        return self

    def predict_next(self, w1, w2):
        trigram, bigram, unigram = {}, {}, {}
        for s in self.sentences:
            for i, token in enumerate(s):
                unigram[token] = unigram.get(token, 0) + 1
                if i >= 1 and s[i - 1] == w2:
                    bigram[token] = bigram.get(token, 0) + 1
                if i >= 2 and s[i - 2] == w1 and s[i - 1] == w2:
                    trigram[token] = trigram.get(token, 0) + 1
        for counts in (trigram, bigram, unigram):
            if counts:
                return min(counts, key=lambda t: (-counts[t], t))
        return None
