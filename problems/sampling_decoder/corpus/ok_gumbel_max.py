# expect: accepted
# why: filters with a sort, then the Gumbel-max trick: argmax of logit/T plus Gumbel noise over the kept tokens
# time: O(n log n)
import math


def sample_next(logits, rng, temperature=1.0, top_k=None, top_p=None):
    if len(logits) == 0:
        raise ValueError("empty")
    for x in logits:
        if math.isnan(x) or x == float("inf"):
            raise ValueError("logit")
    if max(logits) == float("-inf"):
        raise ValueError("all masked")
    if not math.isfinite(temperature) or temperature < 0:
        raise ValueError("temperature")
    if top_k is not None:
        if isinstance(top_k, bool) or not isinstance(top_k, int):
            raise TypeError("top_k")
        if top_k < 1:
            raise ValueError("top_k")
    if top_p is not None and not 0 < top_p <= 1:
        raise ValueError("top_p")
    if temperature == 0:
        return max(range(len(logits)), key=lambda i: (logits[i], -i))

    scaled = [x / temperature for x in logits]
    order = sorted(range(len(scaled)), key=lambda i: (-scaled[i], i))
    if top_k is not None:
        order = order[:top_k]
    if top_p is not None:
        top = scaled[order[0]]
        probs = [math.exp(scaled[i] - top) for i in order]
        total = math.fsum(probs)
        mass, keep = 0.0, len(order)
        for j, p in enumerate(probs):
            mass += p / total
            if mass >= top_p:
                keep = j + 1
                break
        order = order[:keep]
    best, best_key = None, -math.inf
    for i in order:
        if scaled[i] == -math.inf:
            continue
        key = scaled[i] - math.log(-math.log(1.0 - rng.random()))  # Gumbel(0, 1) noise
        if best is None or key > best_key:
            best, best_key = i, key
    return best
