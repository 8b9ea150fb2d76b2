# expect: forbidden_import
# why: a NumPy score vector per query: NumPy is not allowed in this problem (standard library only)
import math
import re
from collections import Counter

import numpy as np


class BM25:
    def __init__(self, docs, k1=1.5, b=0.75):
        if not isinstance(docs, (list, tuple)) or not all(isinstance(d, str) for d in docs):
            raise TypeError("docs must be a list of str")
        if not math.isfinite(k1) or k1 < 0 or not 0 <= b <= 1:
            raise ValueError("k1 >= 0 finite, 0 <= b <= 1")
        self.k1, self.b = k1, b
        self.postings = {}
        lengths = []
        for i, d in enumerate(docs):
            c = Counter(re.findall(r"[a-z0-9]+", d.lower()))
            lengths.append(sum(c.values()))
            for t, tf in c.items():
                self.postings.setdefault(t, []).append((i, tf))
        self.lengths = np.array(lengths, dtype=float)
        self.n = len(docs)
        self.avgdl = self.lengths.mean() if self.n else 0.0

    def search(self, query, top_k):
        if top_k < 0:
            raise ValueError("top_k")
        scores = np.zeros(self.n)
        for t in re.findall(r"[a-z0-9]+", query.lower()):
            p = self.postings.get(t, [])
            if not p:
                continue
            ids = np.array([i for i, _ in p])
            tf = np.array([f for _, f in p], dtype=float)
            idf = math.log(1 + (self.n - len(p) + 0.5) / (len(p) + 0.5))
            norm = self.k1 * (1 - self.b + self.b * self.lengths[ids] / self.avgdl)
            scores[ids] += idf * tf * (self.k1 + 1) / (tf + norm)
        order = np.lexsort((np.arange(self.n), -scores))
        return [(int(i), float(scores[i])) for i in order[:top_k] if scores[i] > 0]
