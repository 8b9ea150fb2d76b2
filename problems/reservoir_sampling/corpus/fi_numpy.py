# expect: forbidden_import
# why: uses NumPy, which this problem does not allow
import numpy as np


def reservoir_sample(stream, k, rng):
    if k < 0:
        raise ValueError("k must be non-negative")
    items = np.fromiter(stream, dtype=np.int64)
    gen = np.random.default_rng(rng.getrandbits(64))
    return gen.choice(items, size=min(k, len(items)), replace=False).tolist()
