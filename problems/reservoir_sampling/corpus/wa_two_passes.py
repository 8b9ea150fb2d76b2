# expect: wrong_answer
# why: counts the stream first, then picks positions in a second pass, which a one-shot stream does not have


def reservoir_sample(stream, k, rng):
    if k < 0:
        raise ValueError("k must be non-negative")
    n = sum(1 for _ in stream)
    wanted = set(rng.sample(range(n), min(k, n)))
    return [item for i, item in enumerate(stream) if i in wanted]
