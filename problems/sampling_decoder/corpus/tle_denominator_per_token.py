# expect: time_limit_exceeded
# why: the softmax as written on the whiteboard, the denominator summed again inside the comprehension for every
#   token: O(V^2), 4e10 exponentials at 200 000 tokens
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
    probs = [math.exp((x - m) / temperature) / sum(math.exp((y - m) / temperature) for y in logits)
             for x in logits]
    order = sorted(range(len(probs)), key=lambda i: (-probs[i], i))
    if top_k is not None:
        order = order[:top_k]
    if top_p is not None:
        kept = sum(probs[i] for i in order)
        mass, end = 0.0, len(order)
        for j, i in enumerate(order):
            mass += probs[i] / kept
            if mass >= top_p:
                end = j + 1
                break
        order = order[:end]
    return rng.choices(order, weights=[probs[i] for i in order])[0]
