# expect: time_limit_exceeded
# why: random keys without a heap: finds the largest kept key by scanning all k keys for every item, O(n*k)


def reservoir_sample(stream, k, rng):
    if k < 0:
        raise ValueError("k must be non-negative")
    keys, items = [], []
    for item in stream:
        key = rng.random()
        if len(keys) < k:
            keys.append(key)
            items.append(item)
            continue
        if k == 0:
            continue
        worst = max(range(k), key=keys.__getitem__)  # O(k) for every item
        if key < keys[worst]:
            keys[worst], items[worst] = key, item
    return items
