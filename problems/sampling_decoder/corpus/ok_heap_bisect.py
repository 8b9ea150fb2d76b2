# expect: accepted
# why: heapq.nlargest for top-k (or a full sort), itertools.accumulate for the masses, bisect for the nucleus and the draw
# time: O(n log n)
# memory: O(n)
import heapq
import math
from bisect import bisect_left, bisect_right
from itertools import accumulate


def sample_next(logits, rng, temperature=1.0, top_k=None, top_p=None):
    values = [float(x) for x in logits]
    if len(values) == 0:
        raise ValueError("no logits")
    if any(math.isnan(x) or x == math.inf for x in values):
        raise ValueError("NaN or +inf logit")
    m = max(values)
    if m == -math.inf:
        raise ValueError("every token is masked")
    if math.isnan(temperature) or temperature < 0 or math.isinf(temperature):
        raise ValueError("temperature")
    if top_k is not None and (isinstance(top_k, bool) or not isinstance(top_k, int)):
        raise TypeError("top_k")
    if top_k is not None and top_k <= 0:
        raise ValueError("top_k")
    if top_p is not None and (math.isnan(top_p) or top_p <= 0 or top_p > 1):
        raise ValueError("top_p")
    if temperature == 0:
        return values.index(m)

    keyed = [(-(x - m) / temperature, i) for i, x in enumerate(values)]
    if top_k is not None and top_k < len(keyed):
        keyed = heapq.nsmallest(top_k, keyed)
    else:
        keyed.sort()
    tokens = [i for _, i in keyed]
    weights = [math.exp(-k) for k, _ in keyed]
    cumulative = list(accumulate(weights))
    if top_p is not None and top_p < 1:
        end = bisect_left(cumulative, top_p * cumulative[-1]) + 1
        tokens, cumulative = tokens[:end], cumulative[:end]
    u = rng.random() * cumulative[-1]
    return tokens[min(bisect_right(cumulative, u), len(tokens) - 1)]
