"""sampling_decoder: sample the next token from logits with temperature, top-k and top-p (`judge show sampling_decoder`).

- temperature 0: the index of the largest logit (the smallest such index on ties).
- Otherwise probabilities softmax(logits / temperature); order the tokens by
  probability descending, ties by the smaller index; top_k keeps the first k,
  then top_p keeps the shortest prefix whose renormalised mass is >= top_p;
  draw one token from what is left, in proportion to its probability.
- All randomness from `rng` (a random.Random). -inf logits are never sampled.
- ValueError / TypeError for bad input as the statement lists. Standard library only.
"""

import random


# Your complexity: replace each ? with yours, e.g. O(n log n); the report checks it.
# time: O(?)
# memory: O(?)
def sample_next(logits: list[float], rng: random.Random, temperature: float = 1.0,
                top_k: int | None = None, top_p: float | None = None) -> int:
    raise NotImplementedError
