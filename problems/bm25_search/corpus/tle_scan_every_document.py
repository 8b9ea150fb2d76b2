# expect: time_limit_exceeded
# why: precomputes a Counter per document, then every query visits all N documents: O(N) per query, not the postings
# time: O(n)
import math
import re
from collections import Counter


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
        self.counts = [Counter(re.findall(r"[a-z0-9]+", d.lower())) for d in docs]
        self.lengths = [sum(c.values()) for c in self.counts]
        self.n = len(docs)
        self.avgdl = sum(self.lengths) / self.n if self.n else 0.0
        self.df = Counter()
        for c in self.counts:
            self.df.update(c.keys())

    def search(self, query, top_k):
        if not isinstance(query, str):
            raise TypeError("query")
        if isinstance(top_k, bool) or not isinstance(top_k, int):
            raise TypeError("top_k")
        if top_k < 0:
            raise ValueError("top_k")
        terms = [t for t in re.findall(r"[a-z0-9]+", query.lower()) if t in self.df]
        idf = {t: math.log(1 + (self.n - self.df[t] + 0.5) / (self.df[t] + 0.5)) for t in terms}
        results = []
        for i, counts in enumerate(self.counts):
            score = 0.0
            for t in terms:
                tf = counts.get(t)
                if tf:
                    norm = self.k1 * (1 - self.b + self.b * self.lengths[i] / self.avgdl)
                    score += idf[t] * tf * (self.k1 + 1) / (tf + norm)
            if score > 0:
                results.append((i, score))
        results.sort(key=lambda r: (-r[1], r[0]))
        return results[:top_k]
