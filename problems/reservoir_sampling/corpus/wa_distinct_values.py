# expect: wrong_answer
# why: reads "without replacement" as "distinct values" and skips items already in the sample


def reservoir_sample(stream, k, rng):
    if k < 0:
        raise ValueError("k must be non-negative")
    reservoir, chosen = [], set()
    seen = 0
    for item in stream:
        if item in chosen:
            continue
        seen += 1
        if len(reservoir) < k:
            reservoir.append(item)
            chosen.add(item)
        else:
            j = rng.randrange(seen)
            if j < k:
                chosen.discard(reservoir[j])
                reservoir[j] = item
                chosen.add(item)
    return reservoir
