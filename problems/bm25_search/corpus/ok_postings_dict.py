# expect: accepted
# why: term -> {doc: tf} postings built in one pass; a query adds up its terms' postings, then one full sort of the matches
# time: O(1)
# memory: O(1)
import math
import re

TOKEN = re.compile(r"[a-z0-9]+")


class BM25:
    def __init__(self, docs, k1=1.5, b=0.75):
        if not isinstance(docs, (list, tuple)):
            raise TypeError("docs must be a list")
        if any(not isinstance(d, str) for d in docs):
            raise TypeError("every document must be a str")
        for value in (k1, b):
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                raise TypeError("k1 and b must be numbers")
        if math.isnan(k1) or math.isinf(k1) or k1 < 0:
            raise ValueError("bad k1")
        if math.isnan(b) or b < 0 or b > 1:
            raise ValueError("bad b")
        self.k1, self.b = k1, b
        self.index = {}
        self.doc_len = []
        for i, doc in enumerate(docs):
            tokens = TOKEN.findall(doc.lower())
            self.doc_len.append(len(tokens))
            for t in tokens:
                postings = self.index.setdefault(t, {})
                postings[i] = postings.get(i, 0) + 1
        self.n = len(docs)
        self.avgdl = sum(self.doc_len) / self.n if self.n else 0

    def search(self, query, top_k):
        if not isinstance(query, str):
            raise TypeError("query must be a str")
        if type(top_k) is not int:
            raise TypeError("top_k must be an int")
        if top_k < 0:
            raise ValueError("top_k must be >= 0")
        scores = {}
        for t in TOKEN.findall(query.lower()):
            postings = self.index.get(t)
            if not postings:
                continue
            df = len(postings)
            idf = math.log(1 + (self.n - df + 0.5) / (df + 0.5))
            for i, tf in postings.items():
                denom = tf + self.k1 * (1 - self.b + self.b * self.doc_len[i] / self.avgdl)
                scores[i] = scores.get(i, 0.0) + idf * tf * (self.k1 + 1) / denom
        ranked = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))
        return [(i, s) for i, s in ranked if s > 0][:top_k]
