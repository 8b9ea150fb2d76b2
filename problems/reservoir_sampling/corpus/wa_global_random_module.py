# expect: wrong_answer
# why: draws from the random module instead of rng, so the same seed does not give the same sample
import random


def reservoir_sample(stream, k, rng):
    if k < 0:
        raise ValueError("k must be non-negative")
    reservoir = []
    for i, item in enumerate(stream):
        if i < k:
            reservoir.append(item)
        else:
            j = random.randrange(i + 1)
            if j < k:
                reservoir[j] = item
    return reservoir
