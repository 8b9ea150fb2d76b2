# expect: accepted
# why: log_softmax first (z - max - log(sum)), loss = -mean of the label's log-prob, gradient exp(log_softmax) - one_hot;
#   labels picked with a one-hot mask and np.where (no 0 * -inf), errors checked row by row in a different order
import numpy as np


def _log_softmax(z):
    shifted = z - np.max(z, axis=-1, keepdims=True)
    return shifted - np.log(np.sum(np.exp(shifted), axis=-1, keepdims=True))


def cross_entropy(logits, labels):
    lab = np.array(labels, dtype=object)
    z = np.array(logits, dtype=object)
    if z.ndim != 2 or z.shape[0] == 0 or z.shape[1] == 0:
        raise ValueError("logits must be 2-D and non-empty")
    z = z.astype(np.float64)
    n, c = z.shape
    if lab.ndim != 1 or lab.shape[0] != n:
        raise ValueError("labels must be 1-D, one per row")
    ints = []
    for v in lab:
        v = float(v)
        if v != v or int(v) != v or not 0 <= v <= c - 1:
            raise ValueError("label out of range")
        ints.append(int(v))
    if not np.all((z < np.inf) & (z == z)):
        raise ValueError("NaN or +inf")
    onehot = np.zeros((n, c), dtype=bool)
    onehot[np.arange(n), ints] = True
    if np.any(np.all(z == -np.inf, axis=1)) or np.any(z[onehot] == -np.inf):
        raise ValueError("masked row or masked label")
    logp = _log_softmax(z)
    loss = -np.sum(np.where(onehot, logp, 0.0)) / n
    grad = (np.exp(logp) - onehot) / n
    return loss, grad.tolist()
