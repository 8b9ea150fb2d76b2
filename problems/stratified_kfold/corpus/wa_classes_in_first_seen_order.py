# expect: wrong_answer
# why: visits the classes in the order they first appear in y, not sorted
import random


def stratified_kfold(y, n_splits, shuffle=False, seed=None):
    if type(n_splits) is not int:
        raise TypeError("n_splits must be an int")
    y = list(y)
    if n_splits < 2 or n_splits > len(y):
        raise ValueError("n_splits out of range")
    if seed is not None and not shuffle:
        raise ValueError("seed given but shuffle is False")
    groups = {}
    for i, label in enumerate(y):
        groups.setdefault(label, []).append(i)
    rng = random.Random(seed) if shuffle else None
    tests = [set() for _ in range(n_splits)]
    pos = 0
    for label in groups:
        idx = groups[label]
        if shuffle:
            rng.shuffle(idx)
        for i in idx:
            tests[pos % n_splits].add(i)
            pos += 1
    out = []
    for t in tests:
        out.append(([i for i in range(len(y)) if i not in t], sorted(t)))
    return out
