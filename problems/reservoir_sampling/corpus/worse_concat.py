# expect: time_limit_exceeded
# why: items = items + [x] copies the growing list for every item of the stream.
# time: O(n^2)
# memory: O(n)


def reservoir_sample(stream, k, rng):
    if k < 0:
        raise ValueError("k must not be negative")
    items = []
    for item in stream:
        items = items + [item]
    if len(items) <= k:
        return items
    return rng.sample(items, k)
