# expect: wrong_answer
# why: measures the nucleus on the full distribution and only then applies top-k (or: top-p without renormalising
#   over the top-k tokens), so top-k = 2 with top_p = 0.55 over weights 4, 3, 2, 1 keeps two tokens, not one
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
    z = sum(exps)
    probs = [e / z for e in exps]
    order = sorted(range(len(probs)), key=lambda i: (-probs[i], i))
    if top_p is not None:
        mass, nucleus = 0.0, []
        for i in order:
            nucleus.append(i)
            mass += probs[i]
            if mass >= top_p:
                break
        order = nucleus
    if top_k is not None:
        order = order[:top_k]
    return rng.choices(order, weights=[probs[i] for i in order])[0]
