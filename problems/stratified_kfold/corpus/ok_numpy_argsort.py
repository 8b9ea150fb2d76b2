# expect: accepted
# why: NumPy: a stable argsort by class gives the end-to-end order (shuffled classes rebuilt with random.Random), np.arange % k the folds
# time: O(n)
import random

import numpy as np


def stratified_kfold(y, n_splits, shuffle=False, seed=None):
    if isinstance(n_splits, bool) or not isinstance(n_splits, (int, np.integer)):
        raise TypeError("n_splits must be an integer")
    labels = np.asarray(y)
    n = labels.shape[0] if labels.ndim else 0
    if not 2 <= n_splits <= n:
        raise ValueError("need 2 <= n_splits <= len(y)")
    if not shuffle and seed is not None:
        raise ValueError("seed without shuffle")
    classes, inverse = np.unique(labels, return_inverse=True)
    order = np.argsort(inverse, kind="stable")
    if shuffle:
        rng = random.Random(seed)
        bounds = np.cumsum(np.bincount(inverse, minlength=len(classes)))
        start = 0
        pieces = []
        for end in bounds:
            members = order[start:end].tolist()
            rng.shuffle(members)
            pieces.extend(members)
            start = end
        order = np.array(pieces, dtype=np.int64)
    fold = np.empty(n, dtype=np.int64)
    fold[order] = np.arange(n) % n_splits
    everything = np.arange(n)
    return [(everything[fold != f].tolist(), everything[fold == f].tolist()) for f in range(n_splits)]
