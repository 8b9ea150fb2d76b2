"""beam_search: the best sequence of a next-token model by beam search (`judge show beam_search`)."""


# Your complexity: replace each ? with yours, e.g. O(n log n); the report checks it.
# time: O(?)
# memory: O(?)
def beam_search(model: dict[str, dict[str, float]], bos: str, eos: str, beam_width: int, max_len: int,
                length_penalty: float = 0.0) -> tuple[list[str], float]:
    """Return (sequence, score) of the best hypothesis; `model[last_token]` maps each possible next
    token to its log-probability. The sequence starts with bos; see the spec for every rule."""
    raise NotImplementedError
