# expect: time_limit_exceeded
# why: grows the nucleus one token at a time and re-sums the whole prefix at every step: O(V * nucleus), quadratic
#   when top_p = 0.9 keeps tens of thousands of tokens
# time: O(n^2)
import math


def sample_next(logits, rng, temperature=1.0, top_k=None, top_p=None):
    if not logits:
        raise ValueError("empty logits")
    if any(math.isnan(x) or x == math.inf for x in logits):
        raise ValueError("bad logit")
    if max(logits) == -math.inf:
        raise ValueError("all masked")
    if math.isnan(temperature) or temperature < 0 or math.isinf(temperature):
        raise ValueError("bad temperature")
    if top_k is not None and (isinstance(top_k, bool) or not isinstance(top_k, int)):
        raise TypeError("top_k")
    if top_k is not None and top_k < 1:
        raise ValueError("top_k")
    if top_p is not None and not (0 < top_p <= 1):
        raise ValueError("top_p")
    if temperature == 0:
        return logits.index(max(logits))
    m = max(logits)
    exps = [math.exp((x - m) / temperature) for x in logits]
    order = sorted(range(len(exps)), key=lambda i: (-exps[i], i))
    if top_k is not None:
        order = order[:top_k]
    z = sum(exps[i] for i in order)
    probs = [exps[i] / z for i in order]
    if top_p is not None:
        end = len(order)
        for j in range(1, len(order) + 1):
            if sum(probs[:j]) >= top_p:
                end = j
                break
        order, probs = order[:end], probs[:end]
    return rng.choices(order, weights=probs)[0]
