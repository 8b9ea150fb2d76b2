"""Reference solution for `stratified_kfold`; runs in the judge process only.

The indices of each class (classes in sorted order), in increasing order or
shuffled by one rng.shuffle per class, are laid end to end and dealt to the
folds in turn: position p goes to fold p % n_splits.
"""

from __future__ import annotations

import random


def stratified_kfold(y, n_splits, shuffle: bool = False, seed=None) -> list[tuple[list[int], list[int]]]:
    if isinstance(n_splits, bool) or not isinstance(n_splits, int):
        raise TypeError(f"n_splits must be an int, got {n_splits!r}")
    labels = list(y)
    n = len(labels)
    if not 2 <= n_splits <= n:
        raise ValueError(f"n_splits must be between 2 and len(y) = {n}, got {n_splits}")
    if not shuffle and seed is not None:
        raise ValueError("seed has no effect without shuffle")
    by_class: dict = {}
    for index, label in enumerate(labels):
        by_class.setdefault(label, []).append(index)
    rng = random.Random(seed) if shuffle else None
    fold_of = [0] * n
    position = 0
    for label in sorted(by_class):
        members = by_class[label]
        if rng is not None:
            rng.shuffle(members)
        for index in members:
            fold_of[index] = position % n_splits
            position += 1
    tests: list[list[int]] = [[] for _ in range(n_splits)]
    for index, fold in enumerate(fold_of):
        tests[fold].append(index)
    result = []
    for fold, test in enumerate(tests):
        train = [index for index in range(n) if fold_of[index] != fold]
        result.append((train, test))
    return result
