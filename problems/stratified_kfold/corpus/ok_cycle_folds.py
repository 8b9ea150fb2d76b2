# expect: accepted
# why: itertools.cycle over the fold numbers, one shared iterator for all classes; sorted test lists at the end
# time: O(n)
import itertools
import random


def stratified_kfold(y, n_splits, shuffle=False, seed=None):
    if not isinstance(n_splits, int) or isinstance(n_splits, bool):
        raise TypeError(type(n_splits).__name__)
    y = list(y)
    if not (1 < n_splits <= len(y)):
        raise ValueError(n_splits)
    if seed is not None and shuffle is False:
        raise ValueError("seed")
    rng = random.Random(seed)
    folds = itertools.cycle(range(n_splits))
    tests = [[] for _ in range(n_splits)]
    for label in sorted(set(y)):
        members = [i for i, v in enumerate(y) if v == label]
        if shuffle:
            rng.shuffle(members)
        for i in members:
            tests[next(folds)].append(i)
    result = []
    for test in tests:
        test.sort()
        chosen = set(test)
        result.append([[i for i in range(len(y)) if i not in chosen], test])
    return result
