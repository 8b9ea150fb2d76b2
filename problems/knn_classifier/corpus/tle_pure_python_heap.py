# expect: time_limit_exceeded
# why: correct plain Python (heapq.nsmallest of (distance, index) pairs), but 4·10^7 distance terms in loops are too slow for the largest call
# time: O(n)
import heapq
import math


def knn_predict(X_train, y_train, X_query, k):
    if not isinstance(k, int) or isinstance(k, bool):
        raise TypeError("k must be an int")
    train = _rows(X_train)
    queries = _rows(X_query)
    labels = list(y_train)
    if len(labels) != len(train):
        raise ValueError("one label per training row")
    if not 1 <= k <= len(train):
        raise ValueError("k must be in 1..n")
    if len(queries[0]) != len(train[0]):
        raise ValueError("widths differ")
    answers = []
    for q in queries:
        nearest = heapq.nsmallest(k, ((sum((a - b) * (a - b) for a, b in zip(x, q)), i) for i, x in enumerate(train)))
        votes = {}
        for _, i in nearest:
            votes[labels[i]] = votes.get(labels[i], 0) + 1
        best = max(votes.values())
        answers.append(next(labels[i] for _, i in nearest if votes[labels[i]] == best))
    return answers


def _rows(X):
    rows = [[float(v) for v in r] for r in X]
    if not rows or not rows[0] or any(len(r) != len(rows[0]) for r in rows):
        raise ValueError("bad table")
    if not all(math.isfinite(v) for r in rows for v in r):
        raise ValueError("non-finite")
    return rows
