# expect: memory_limit_exceeded
# why: materialises the whole stream with list() and then calls rng.sample: O(n) memory
def reservoir_sample(stream, k, rng):
    if k < 0:
        raise ValueError("k must be non-negative")
    items = list(stream)
    return rng.sample(items, min(k, len(items)))
