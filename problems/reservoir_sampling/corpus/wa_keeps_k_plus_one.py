# expect: wrong_answer
# why: fills the reservoir with `<=` instead of `<`, so it returns k+1 items from longer streams


def reservoir_sample(stream, k, rng):
    if k < 0:
        raise ValueError("k must be non-negative")
    if k == 0:
        return []
    reservoir = []
    for i, item in enumerate(stream):
        if i <= k:
            reservoir.append(item)
        else:
            j = rng.randrange(i + 1)
            if j < len(reservoir):
                reservoir[j] = item
    return reservoir
