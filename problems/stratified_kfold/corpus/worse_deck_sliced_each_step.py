# expect: accepted
# why: lays the classes end to end in one list and deals it by slicing off the head (deck = deck[1:]):
#   every step copies the rest of the deck, O(n^2)
# time: O(n^2)
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
    deck = []
    for label in sorted(groups):
        idx = groups[label]
        if shuffle:
            rng.shuffle(idx)
        deck.extend(idx)
    pos = 0
    while deck:
        tests[pos % n_splits].add(deck[0])
        deck = deck[1:]
        pos += 1
    out = []
    for t in tests:
        out.append(([i for i in range(len(y)) if i not in t], sorted(t)))
    return out
