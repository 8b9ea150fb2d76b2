# expect: wrong_answer
# why: treats k < 0 like k == 0 and returns [] instead of raising ValueError


def reservoir_sample(stream, k, rng):
    if k <= 0:
        return []
    reservoir = []
    for i, item in enumerate(stream):
        if i < k:
            reservoir.append(item)
        else:
            j = rng.randrange(i + 1)
            if j < k:
                reservoir[j] = item
    return reservoir
