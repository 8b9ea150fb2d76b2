# expect: time_limit_exceeded
# why: keeps the raw documents and tokenises all of them again for every query (df and lengths included): O(total tokens) a query
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
        self.docs, self.k1, self.b = list(docs), k1, b

    def search(self, query, top_k):
        if not isinstance(query, str):
            raise TypeError("query")
        if isinstance(top_k, bool) or not isinstance(top_k, int):
            raise TypeError("top_k")
        if top_k < 0:
            raise ValueError("top_k")
        tokenised = [re.findall(r"[a-z0-9]+", d.lower()) for d in self.docs]
        n = len(tokenised)
        avgdl = sum(map(len, tokenised)) / n if n else 0.0
        results = []
        terms = re.findall(r"[a-z0-9]+", query.lower())
        df = {t: sum(1 for toks in tokenised if t in toks) for t in set(terms)}
        for i, toks in enumerate(tokenised):
            score = 0.0
            for t in terms:
                tf = toks.count(t)
                if tf:
                    idf = math.log(1 + (n - df[t] + 0.5) / (df[t] + 0.5))
                    score += idf * tf * (self.k1 + 1) / (tf + self.k1 * (1 - self.b + self.b * len(toks) / avgdl))
            if score > 0:
                results.append((i, score))
        results.sort(key=lambda r: (-r[1], r[0]))
        return results[:top_k]
