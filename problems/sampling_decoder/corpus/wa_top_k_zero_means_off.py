# expect: wrong_answer
# why: treats top_k = 0 as "no filter" (a generation-config habit) instead of raising ValueError
import math


def sample_next(logits, rng, temperature=1.0, top_k=None, top_p=None):
    logits = list(logits)
    if not logits:
        raise ValueError("empty logits")
    for x in logits:
        if x != x or x == math.inf:
            raise ValueError("bad logit")
    if all(x == -math.inf for x in logits):
        raise ValueError("all logits are -inf")
    if not (temperature >= 0) or temperature == math.inf:
        raise ValueError("bad temperature")
    if top_k is not None:
        if type(top_k) is not int:
            raise TypeError("top_k must be an int")
        if top_k < 0:
            raise ValueError("top_k must be >= 1")
    if top_p is not None and not (0 < top_p <= 1):
        raise ValueError("top_p must be in (0, 1]")

    if temperature == 0:
        best = 0
        for i in range(1, len(logits)):
            if logits[i] > logits[best]:
                best = i
        return best

    m = max(logits)
    weights = []
    for x in logits:
        weights.append(math.exp((x - m) / temperature))
    order = sorted(range(len(logits)), key=lambda i: (-weights[i], i))
    if top_k is not None:
        order = order[:top_k] if top_k else order
    if top_p is not None:
        total = 0.0
        for i in order:
            total += weights[i]
        cut = len(order)
        running = 0.0
        for pos, i in enumerate(order):
            running += weights[i] / total
            if running >= top_p:
                cut = pos + 1
                break
        order = order[:cut]
    total = 0.0
    for i in order:
        total += weights[i]
    u = rng.random() * total
    running = 0.0
    last = order[0]
    for i in order:
        if weights[i] == 0:
            continue
        last = i
        running += weights[i]
        if u < running:
            return i
    return last
