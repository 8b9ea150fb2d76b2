# expect: accepted
# why: never sorts a whole ranking: heapq.nsmallest picks the top k by (-score, doc id), one linear pass finds the first
#   relevant document (the smallest key among the relevant ones), and the ideal gains come from nlargest over the judgments
# time: O(n log n)
import heapq
import math
from numbers import Real


def _fail(exc, msg):
    raise exc(msg)


def _validate(judgments, results, k):
    if type(k) is not int:
        _fail(TypeError, "k")
    if k <= 0:
        _fail(ValueError, "k")
    if type(judgments) is not dict or type(results) is not dict:
        _fail(TypeError, "containers")
    for qrels in judgments.values():
        if not isinstance(qrels, dict):
            _fail(TypeError, "qrels")
        for d, g in qrels.items():
            if not isinstance(d, str) or isinstance(g, bool) or not isinstance(g, int):
                _fail(TypeError, "qrel")
            if g < 0:
                _fail(ValueError, "grade")
    for run in results.values():
        if not isinstance(run, (list, tuple)):
            _fail(TypeError, "run")
        docs = set()
        for item in run:
            if not isinstance(item, (list, tuple)) or len(item) != 2:
                _fail(TypeError, "item")
            d, s = item
            if not isinstance(d, str) or isinstance(s, bool) or not isinstance(s, Real):
                _fail(TypeError, "item")
            if math.isnan(s):
                _fail(ValueError, "nan")
            if d in docs:
                _fail(ValueError, "dup")
            docs.add(d)


def ranking_metrics(judgments, results, k):
    _validate(judgments, results, k)
    sums = {"precision": 0.0, "recall": 0.0, "mrr": 0.0, "ndcg": 0.0}
    counts = {"precision": 0, "recall": 0, "mrr": 0, "ndcg": 0}
    for q, qrels in judgments.items():
        run = results.get(q, ())
        top = heapq.nsmallest(k, ((-s, d) for d, s in run))
        grades = [qrels.get(d, 0) for _, d in top]
        hits = sum(g > 0 for g in grades)
        sums["precision"] += hits / k
        counts["precision"] += 1
        num_rel = sum(g > 0 for g in qrels.values())
        if not num_rel:
            continue
        first_key = min(((-s, d) for d, s in run if qrels.get(d, 0) > 0), default=None)
        if first_key is None:
            rr = 0.0
        else:
            rank = 1 + sum(1 for d, s in run if (-s, d) < first_key)
            rr = 1.0 / rank
        dcg = 0.0
        for pos, g in enumerate(grades, start=2):
            if g:
                dcg += (2.0**g - 1.0) / math.log2(pos)
        idcg = 0.0
        for pos, g in enumerate(heapq.nlargest(k, qrels.values()), start=2):
            idcg += (2.0**g - 1.0) / math.log2(pos)
        for name, value in (("recall", hits / num_rel), ("mrr", rr), ("ndcg", dcg / idcg)):
            sums[name] += value
            counts[name] += 1
    return {name: (sums[name] / counts[name] if counts[name] else None) for name in sums}
