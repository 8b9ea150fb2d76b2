# expect: accepted
# why: sentence end positions and two indices into the token list; overlap taken by index arithmetic
# time: O(n)
import re

_END = re.compile(r"[.!?]$")


def chunk_text(text: str, max_tokens: int, overlap: int) -> list[str]:
    if type(text) is not str:
        raise TypeError(f"text must be str, got {type(text).__name__}")
    if type(max_tokens) is not int or type(overlap) is not int:
        raise TypeError("max_tokens and overlap must be int")
    if max_tokens <= 0:
        raise ValueError("max_tokens must be positive")
    if not (0 <= overlap < max_tokens):
        raise ValueError("overlap must be in [0, max_tokens)")
    toks = text.split()
    n = len(toks)
    # next_end[i]: one past the end of the sentence that contains token i
    next_end = [n] * n
    end = n
    for i in range(n - 1, -1, -1):
        if _END.search(toks[i]):
            end = i + 1
        next_end[i] = end
    out = []
    start = 0          # first token of the current chunk (overlap included)
    pos = 0            # first token not yet placed
    prev_len = 0
    while pos < n:
        carry = min(overlap, prev_len)
        start = pos - carry
        stop = pos
        while stop < n and next_end[stop] - start <= max_tokens:
            stop = next_end[stop]
        if stop == pos:        # not even the next (rest of a) sentence fits: cut it
            stop = start + max_tokens
        out.append(" ".join(toks[start:stop]))
        prev_len = stop - start
        pos = stop
    return out
