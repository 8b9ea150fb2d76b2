# expect: accepted
# why: a Counter per document and a list of document ids per term; per query a heap of the matched docs keyed (-score, index)
# time: O(1)
import heapq
import math
import re
from collections import Counter, defaultdict
from numbers import Real


def tokenize(text):
    return re.findall(r"[a-z0-9]+", text.lower())


class BM25:
    def __init__(self, docs, k1=1.5, b=0.75):
        if isinstance(docs, str) or not isinstance(docs, (list, tuple)):
            raise TypeError("docs: list of strings expected")
        for pos, d in enumerate(docs):
            if not isinstance(d, str):
                raise TypeError(f"document {pos} is not a string")
        if not isinstance(k1, Real) or not isinstance(b, Real):
            raise TypeError("k1 and b must be real numbers")
        if not math.isfinite(k1) or k1 < 0:
            raise ValueError("k1 must be finite and non-negative")
        if not 0.0 <= b <= 1.0:
            raise ValueError("b must lie in [0, 1]")
        self.k1 = k1
        self.b = b
        self.tfs = [Counter(tokenize(d)) for d in docs]
        self.lengths = [sum(c.values()) for c in self.tfs]
        self.docs_with = defaultdict(list)
        for i, c in enumerate(self.tfs):
            for term in c:
                self.docs_with[term].append(i)
        total = sum(self.lengths)
        self.avgdl = total / len(docs) if docs else 1.0
        n = len(docs)
        self.idf = {t: math.log(1.0 + (n - len(ids) + 0.5) / (len(ids) + 0.5)) for t, ids in self.docs_with.items()}

    def search(self, query, top_k):
        if not isinstance(query, str):
            raise TypeError("query must be a string")
        if isinstance(top_k, bool) or not isinstance(top_k, int):
            raise TypeError("top_k must be an integer")
        if top_k < 0:
            raise ValueError("top_k must be non-negative")
        if top_k == 0:
            return []
        acc = defaultdict(float)
        for term in tokenize(query):
            for i in self.docs_with.get(term, ()):
                tf = self.tfs[i][term]
                k = self.k1 * (1 - self.b + self.b * self.lengths[i] / self.avgdl)
                acc[i] += self.idf[term] * (tf * (self.k1 + 1)) / (tf + k)
        best = heapq.nsmallest(top_k, ((-s, i) for i, s in acc.items() if s > 0))
        return [(i, -neg) for neg, i in best]
