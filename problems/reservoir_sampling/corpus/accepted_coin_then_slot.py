# expect: accepted
# why: Algorithm R with a float coin (keep with probability k/i) and a separate uniform slot


def reservoir_sample(stream, k, rng):
    if k < 0:
        raise ValueError(f"k={k} < 0")
    sample = []
    i = 0
    for x in stream:
        i += 1
        if len(sample) < k:
            sample.append(x)
        elif k and rng.random() * i < k:
            sample[rng.randrange(k)] = x
    return sample
