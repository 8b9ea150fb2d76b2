# expect: accepted
# why: Algorithm R: one pass, one random draw per item, only the k-item reservoir is kept.
# time: O(n)
# memory: O(1)


def reservoir_sample(stream, k, rng):
    if k < 0:
        raise ValueError("k must not be negative")
    reservoir = []
    for index, item in enumerate(stream):
        if index < k:
            reservoir.append(item)
            continue
        slot = rng.randrange(index + 1)
        if slot < k:
            reservoir[slot] = item
    return reservoir
