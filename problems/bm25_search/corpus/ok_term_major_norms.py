# expect: accepted
# why: precomputes each document's length norm k1*(1-b+b*dl/avgdl) once; postings as parallel lists; counts query terms
#   first (qtf * term score, as Lucene's BooleanQuery adds equal clauses), then a partial selection with heapq.nlargest
import heapq
import math
import re

_WORD = re.compile("[a-z0-9]+")


class BM25:
    def __init__(self, docs, k1=1.5, b=0.75):
        if type(docs) not in (list, tuple):
            raise TypeError(type(docs).__name__)
        if not all(type(d) is str for d in docs):
            raise TypeError("non-string document")
        if type(k1) not in (int, float) or type(b) not in (int, float):
            raise TypeError("numbers expected")
        if not (0 <= k1 < math.inf):
            raise ValueError("k1")
        if not (0 <= b <= 1):
            raise ValueError("b")
        self.k1 = float(k1)
        lengths = []
        post_docs, post_tfs = {}, {}
        for i, d in enumerate(docs):
            counts = {}
            toks = _WORD.findall(d.lower())
            for t in toks:
                counts[t] = counts.get(t, 0) + 1
            lengths.append(len(toks))
            for t, c in counts.items():
                post_docs.setdefault(t, []).append(i)
                post_tfs.setdefault(t, []).append(c)
        n = len(docs)
        avgdl = sum(lengths) / n if n and sum(lengths) else 1.0
        self.norm = [self.k1 * (1 - b + b * dl / avgdl) for dl in lengths]
        self.post_docs, self.post_tfs, self.n = post_docs, post_tfs, n

    def search(self, query, top_k):
        if type(query) is not str:
            raise TypeError("query")
        if type(top_k) is not int:
            raise TypeError("top_k")
        if top_k < 0:
            raise ValueError("top_k")
        qtf = {}
        for t in _WORD.findall(query.lower()):
            qtf[t] = qtf.get(t, 0) + 1
        total = {}
        for t, times in qtf.items():
            ids = self.post_docs.get(t)
            if ids is None:
                continue
            df = len(ids)
            idf = math.log(1 + (self.n - df + 0.5) / (df + 0.5))
            for i, tf in zip(ids, self.post_tfs[t]):
                total[i] = total.get(i, 0.0) + times * (idf * tf * (self.k1 + 1) / (tf + self.norm[i]))
        top = heapq.nlargest(top_k, total.items(), key=lambda item: (item[1], -item[0]))
        return [(i, s) for i, s in top if s > 0]
