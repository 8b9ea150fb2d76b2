# expect: forbidden_import
# why: scipy.special.log_softmax does the stable part; only numpy is allowed
import numpy as np
from scipy.special import log_softmax


def cross_entropy(logits, labels):
    z = np.array(logits, dtype=float)
    y = np.array(labels, dtype=int)
    n = len(z)
    logp = log_softmax(z, axis=-1)
    grad = np.exp(logp)
    grad[np.arange(n), y] -= 1
    return float(-logp[np.arange(n), y].mean()), grad / n
