# expect: wrong_answer
# why: preallocates k slots and returns them as they are, padded with None when the stream is short


def reservoir_sample(stream, k, rng):
    if k < 0:
        raise ValueError("k must be non-negative")
    reservoir = [None] * k
    for i, item in enumerate(stream):
        if i < k:
            reservoir[i] = item
        else:
            j = rng.randrange(i + 1)
            if j < k:
                reservoir[j] = item
    return reservoir
