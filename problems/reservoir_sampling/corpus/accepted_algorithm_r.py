# expect: accepted
# why: the textbook Algorithm R: one randrange per item, replace a slot with probability k/i


def reservoir_sample(stream, k, rng):
    if k < 0:
        raise ValueError("k must be non-negative")
    reservoir = []
    for seen, item in enumerate(stream, start=1):
        if seen <= k:
            reservoir.append(item)
        else:
            slot = rng.randrange(seen)  # uniform in 0 .. seen-1
            if slot < k:
                reservoir[slot] = item
    return reservoir
