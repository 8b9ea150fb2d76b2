# expect: accepted
# why: log-sum-exp probabilities, a normalised cumulative sum for the nucleus, rng.choices over the kept tokens
import math
from numbers import Integral


def _log_softmax(xs):
    m = max(xs)
    lse = m + math.log(sum(math.exp(x - m) for x in xs))
    return [x - lse for x in xs]


def sample_next(logits, rng, temperature=1.0, top_k=None, top_p=None):
    if not isinstance(logits, (list, tuple)) or len(logits) == 0:
        raise ValueError("logits must be a non-empty list")
    if any(x != x for x in logits) or math.inf in logits:
        raise ValueError("NaN or +inf in logits")
    if all(x == -math.inf for x in logits):
        raise ValueError("all -inf")
    if temperature != temperature or temperature < 0 or temperature == math.inf:
        raise ValueError("temperature")
    if top_k is not None and (type(top_k) is bool or not isinstance(top_k, Integral)):
        raise TypeError("top_k")
    if top_k is not None and top_k < 1:
        raise ValueError("top_k")
    if top_p is not None and (top_p != top_p or not 0 < top_p <= 1):
        raise ValueError("top_p")
    if temperature == 0:
        best = max(logits)
        return next(i for i, x in enumerate(logits) if x == best)

    probs = [math.exp(lp) for lp in _log_softmax([x / temperature for x in logits])]
    ranked = sorted(enumerate(probs), key=lambda pair: (-pair[1], pair[0]))
    if top_k is not None:
        ranked = ranked[:top_k]
    if top_p is not None:
        kept_total = sum(p for _, p in ranked)
        nucleus, mass = [], 0.0
        for token, p in ranked:
            nucleus.append((token, p))
            mass += p / kept_total
            if mass >= top_p:
                break
        ranked = nucleus
    tokens = [t for t, _ in ranked]
    return rng.choices(tokens, weights=[p for _, p in ranked])[0]
