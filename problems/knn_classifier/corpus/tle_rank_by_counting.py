# expect: time_limit_exceeded
# why: picks the neighbours by counting, for every training row, how many rows are nearer (with index ties): O(n^2) per query
# time: O(n^2)
import math


def knn_predict(X_train, y_train, X_query, k):
    if not isinstance(k, int) or isinstance(k, bool):
        raise TypeError("k")
    train = [[float(v) for v in r] for r in X_train]
    queries = [[float(v) for v in r] for r in X_query]
    for rows in (train, queries):
        if not rows or not rows[0] or any(len(r) != len(rows[0]) for r in rows):
            raise ValueError("bad table")
        if not all(math.isfinite(v) for r in rows for v in r):
            raise ValueError("non-finite")
    labels = list(y_train)
    if len(labels) != len(train) or not 1 <= k <= len(train) or len(queries[0]) != len(train[0]):
        raise ValueError("bad arguments")
    out = []
    for q in queries:
        d = [sum((a - b) ** 2 for a, b in zip(x, q)) for x in train]
        rank = [sum(1 for j in range(len(d)) if d[j] < d[i] or (d[j] == d[i] and j < i)) for i in range(len(d))]
        nearest = sorted((i for i in range(len(d)) if rank[i] < k), key=lambda i: rank[i])
        votes = {}
        for i in nearest:
            votes[labels[i]] = votes.get(labels[i], 0) + 1
        best = max(votes.values())
        out.append(next(labels[i] for i in nearest if votes[labels[i]] == best))
    return out
