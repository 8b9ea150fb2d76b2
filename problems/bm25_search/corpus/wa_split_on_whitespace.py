# expect: wrong_answer
# why: tokenises with text.lower().split(): 'cat,' and 'cat!' keep their punctuation and are other terms than 'cat'
import math
import re

TOKEN = re.compile(r"[a-z0-9]+")


def tokens(text):
    return text.lower().split()


class BM25:
    def __init__(self, docs, k1=1.5, b=0.75):
        if not isinstance(docs, (list, tuple)):
            raise TypeError("docs must be a list")
        for d in docs:
            if not isinstance(d, str):
                raise TypeError("every document must be a str")
        for value in (k1, b):
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                raise TypeError("k1 and b must be numbers")
        if not math.isfinite(k1) or k1 < 0:
            raise ValueError("bad k1")
        if not 0 <= b <= 1:
            raise ValueError("bad b")
        self.k1, self.b = k1, b
        self.index = {}
        self.lengths = []
        for i, doc in enumerate(docs):
            toks = tokens(doc)
            self.lengths.append(len(toks))
            for t in toks:
                postings = self.index.setdefault(t, {})
                postings[i] = postings.get(i, 0) + 1
        self.n = len(docs)
        self.avgdl = sum(self.lengths) / self.n if self.n else 0.0

    def idf(self, df):
        return math.log(1 + (self.n - df + 0.5) / (df + 0.5))

    def search(self, query, top_k):
        if not isinstance(query, str):
            raise TypeError("query must be a str")
        if isinstance(top_k, bool) or not isinstance(top_k, int):
            raise TypeError("top_k must be an int")
        if top_k < 0:
            raise ValueError("top_k must be >= 0")
        scores = {}
        for t in tokens(query):
            postings = self.index.get(t, {})
            idf = self.idf(len(postings))
            for i, tf in postings.items():
                norm = self.k1 * (1 - self.b + self.b * self.lengths[i] / self.avgdl)
                scores[i] = scores.get(i, 0.0) + idf * tf * (self.k1 + 1) / (tf + norm)
        ranked = sorted(scores.items(), key=lambda item: (-item[1], item[0]))
        return [(i, s) for i, s in ranked if s > 0][:top_k]
