# expect: memory_limit_exceeded
# why: list(stream) keeps the whole stream, then samples from it: O(n) memory where O(k) is expected.
# time: O(n)
# memory: O(n)


def reservoir_sample(stream, k, rng):
    if k < 0:
        raise ValueError("k must not be negative")
    items = list(stream)
    if len(items) <= k:
        return items
    return rng.sample(items, k)
