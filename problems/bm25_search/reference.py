"""Reference: an inverted index (term -> postings of (document, tf)) built once;
a query touches only the postings of its own terms, then a heap keeps the top k."""

from __future__ import annotations

import heapq
import math
import re
from collections import Counter

_TOKEN = re.compile(r"[a-z0-9]+")


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text.lower())


def _is_real(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


class BM25:
    def __init__(self, docs, k1=1.5, b=0.75):
        if not isinstance(docs, (list, tuple)):
            raise TypeError(f"docs must be a list of str, got {type(docs).__name__}")
        for index, doc in enumerate(docs):
            if not isinstance(doc, str):
                raise TypeError(f"docs[{index}] is {type(doc).__name__}, not str")
        if not _is_real(k1) or not _is_real(b):
            raise TypeError("k1 and b must be real numbers")
        if not (math.isfinite(k1) and k1 >= 0):
            raise ValueError(f"k1 must be a finite number >= 0, got {k1!r}")
        if not (0 <= b <= 1):
            raise ValueError(f"b must be between 0 and 1, got {b!r}")
        self.k1 = float(k1)
        self.b = float(b)
        self._postings: dict[str, list[tuple[int, int]]] = {}
        self._lengths: list[int] = []
        for index, doc in enumerate(docs):
            counts = Counter(_tokens(doc))
            self._lengths.append(sum(counts.values()))
            for term, tf in counts.items():
                self._postings.setdefault(term, []).append((index, tf))
        n = len(self._lengths)
        self._avgdl = sum(self._lengths) / n if n else 0.0
        self._idf = {term: math.log(1 + (n - len(p) + 0.5) / (len(p) + 0.5)) for term, p in self._postings.items()}

    def search(self, query, top_k):
        if not isinstance(query, str):
            raise TypeError(f"query must be a str, got {type(query).__name__}")
        if not isinstance(top_k, int) or isinstance(top_k, bool):
            raise TypeError(f"top_k must be an int, got {type(top_k).__name__}")
        if top_k < 0:
            raise ValueError(f"top_k must be >= 0, got {top_k}")
        scores: dict[int, float] = {}
        k1, b = self.k1, self.b
        for term in _tokens(query):  # a repeated query term counts each time
            postings = self._postings.get(term)
            if postings is None:
                continue
            idf = self._idf[term]
            for index, tf in postings:
                norm = k1 * (1 - b + b * self._lengths[index] / self._avgdl)
                scores[index] = scores.get(index, 0.0) + idf * tf * (k1 + 1) / (tf + norm)
        best = heapq.nsmallest(top_k, scores.items(), key=lambda item: (-item[1], item[0]))
        return [(index, score) for index, score in best if score > 0]
