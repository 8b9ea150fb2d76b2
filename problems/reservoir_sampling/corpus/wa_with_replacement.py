# expect: wrong_answer
# why: a correct reservoir, then "shuffled" with rng.choice, which draws with replacement:
# the same position can come out twice


def reservoir_sample(stream, k, rng):
    if k < 0:
        raise ValueError("k must be non-negative")
    reservoir = []
    for i, item in enumerate(stream):
        if i < k:
            reservoir.append(item)
        else:
            j = rng.randrange(i + 1)
            if j < k:
                reservoir[j] = item
    return [rng.choice(reservoir) for _ in reservoir]
