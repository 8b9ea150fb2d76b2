# expect: memory_limit_exceeded
# why: a dense vocabulary x documents table of counts (lists of N ints per term): 3 000 terms x 40 000 documents is ~1 GB
import math
import re


class BM25:
    def __init__(self, docs, k1=1.5, b=0.75):
        if not isinstance(docs, (list, tuple)) or not all(isinstance(d, str) for d in docs):
            raise TypeError("docs must be a list of str")
        for value in (k1, b):
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                raise TypeError("k1 and b must be numbers")
        if not math.isfinite(k1) or k1 < 0 or not 0 <= b <= 1:
            raise ValueError("k1 >= 0 finite, 0 <= b <= 1")
        self.k1, self.b = k1, b
        tokenised = [re.findall(r"[a-z0-9]+", d.lower()) for d in docs]
        vocab = sorted({t for toks in tokenised for t in toks})
        self.column = {t: j for j, t in enumerate(vocab)}
        self.n = len(docs)
        self.matrix = [[0] * self.n for _ in vocab]
        for i, toks in enumerate(tokenised):
            for t in toks:
                self.matrix[self.column[t]][i] += 1
        self.lengths = [len(toks) for toks in tokenised]
        self.avgdl = sum(self.lengths) / self.n if self.n else 0.0

    def search(self, query, top_k):
        if not isinstance(query, str):
            raise TypeError("query")
        if isinstance(top_k, bool) or not isinstance(top_k, int):
            raise TypeError("top_k")
        if top_k < 0:
            raise ValueError("top_k")
        scores = [0.0] * self.n
        for t in re.findall(r"[a-z0-9]+", query.lower()):
            if t not in self.column:
                continue
            row = self.matrix[self.column[t]]
            df = sum(1 for c in row if c)
            idf = math.log(1 + (self.n - df + 0.5) / (df + 0.5))
            for i, tf in enumerate(row):
                if tf:
                    norm = self.k1 * (1 - self.b + self.b * self.lengths[i] / self.avgdl)
                    scores[i] += idf * tf * (self.k1 + 1) / (tf + norm)
        ranked = sorted((i for i in range(self.n) if scores[i] > 0), key=lambda i: (-scores[i], i))
        return [(i, scores[i]) for i in ranked[:top_k]]
