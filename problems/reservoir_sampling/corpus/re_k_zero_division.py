# expect: runtime_error
# why: Algorithm L computes log(u) / k before checking k, so k == 0 raises ZeroDivisionError
import math
from itertools import islice


def reservoir_sample(stream, k, rng):
    if k < 0:
        raise ValueError("k must be non-negative")
    it = iter(stream)
    reservoir = list(islice(it, k))
    w = math.exp(math.log(1.0 - rng.random()) / k)
    if len(reservoir) < k:
        return reservoir
    while True:
        skip = math.floor(math.log(1.0 - rng.random()) / math.log1p(-w)) if w < 1 else 0
        nxt = list(islice(it, skip, skip + 1))
        if not nxt:
            return reservoir
        reservoir[rng.randrange(k)] = nxt[0]
        w *= math.exp(math.log(1.0 - rng.random()) / k)
