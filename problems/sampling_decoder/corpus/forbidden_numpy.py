# expect: forbidden_import
# why: a NumPy softmax and np.argsort: the problem allows the standard library only
import numpy as np


def sample_next(logits, rng, temperature=1.0, top_k=None, top_p=None):
    x = np.asarray(logits, dtype=float)
    if temperature == 0:
        return int(np.argmax(x))
    p = np.exp((x - x.max()) / temperature)
    p /= p.sum()
    order = np.argsort(-p, kind="stable")
    if top_k is not None:
        order = order[:top_k]
    if top_p is not None:
        cum = np.cumsum(p[order]) / p[order].sum()
        order = order[: int(np.searchsorted(cum, top_p)) + 1]
    return int(rng.choices(list(order), weights=list(p[order]))[0])
