# expect: wrong_answer
# why: randint(0, i) includes i, so item i is kept with probability k/(i+1) instead of k/i
# (a statistical bias: early items are over-represented)


def reservoir_sample(stream, k, rng):
    if k < 0:
        raise ValueError("k must be non-negative")
    reservoir = []
    for i, item in enumerate(stream, start=1):
        if i <= k:
            reservoir.append(item)
        else:
            j = rng.randint(0, i)  # should be randint(0, i - 1)
            if j < k:
                reservoir[j] = item
    return reservoir
