# expect: wrong_answer
# why: draws one uniform number against the full-softmax probabilities of the kept tokens without renormalising
#   them; the mass of the filtered-out tokens falls through to the last kept token
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
    if top_k is not None:
        order = order[:top_k]
    if top_p is not None:
        kept_mass = sum(probs[i] for i in order)
        mass, nucleus = 0.0, []
        for i in order:
            nucleus.append(i)
            mass += probs[i] / kept_mass
            if mass >= top_p:
                break
        order = nucleus
    u = rng.random()
    running = 0.0
    for i in order:
        running += probs[i]
        if u < running:
            return i
    return order[-1]
